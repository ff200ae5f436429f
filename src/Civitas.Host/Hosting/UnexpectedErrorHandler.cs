using Civitas.Common.Envelope;
using Civitas.Common.Errors;
using Microsoft.AspNetCore.Diagnostics;

namespace Civitas.Host.Hosting;

/// <summary>
/// Last line of defence: an exception no handler expected becomes HTTP 500 without any detail of the exception.
/// MOSIP routes answer with their envelope and <c>{prefix}-500</c>; other routes with RFC 9457 problem details.
/// The exception itself is logged by the exception-handler middleware, with the request id.
/// </summary>
internal static class UnexpectedErrorHandler
{
    public static async Task WriteAsync(HttpContext context)
    {
        var feature = context.Features.Get<IExceptionHandlerPathFeature>();
        var codes = feature?.Endpoint?.Metadata.GetMetadata<ServiceErrorCodes>();
        var status = feature?.Error is BadHttpRequestException bad ? bad.StatusCode : StatusCodes.Status500InternalServerError;
        IResult result = codes is not null
            ? Mosip.Error(status, null, null, status == 500 ? codes.Internal : codes.InvalidInput("request could not be read"), context)
            : TypedResults.Problem(
                title: status == 500 ? "An unexpected error occurred." : "The request could not be read.",
                statusCode: status,
                extensions: new Dictionary<string, object?> { ["requestId"] = context.TraceIdentifier });
        await result.ExecuteAsync(context);
    }
}
