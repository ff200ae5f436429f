using Civitas.Common.Errors;

namespace Civitas.Common.Envelope;

public static class MosipRouteGroupExtensions
{
    /// <summary>
    /// Marks a group of routes as one MOSIP service with the given error prefix (e.g. <c>KER-CRY</c>):
    /// envelope read failures become <c>{prefix}-999</c> and unexpected exceptions <c>{prefix}-500</c>.
    /// </summary>
    public static TBuilder WithMosipEnvelope<TBuilder>(this TBuilder builder, string errorPrefix)
        where TBuilder : IEndpointConventionBuilder
    {
        var codes = new ServiceErrorCodes(errorPrefix);
        builder.WithMetadata(codes);
        builder.AddEndpointFilter(async (invocation, next) =>
        {
            foreach (var argument in invocation.Arguments)
            {
                if (argument is IMosipBody { Failure: { } failure } body)
                {
                    return Mosip.Error(failure.HttpStatus, body.Id, body.Version, codes.InvalidInput(failure.Detail), invocation.HttpContext);
                }
            }

            return await next(invocation);
        });
        return builder;
    }
}
