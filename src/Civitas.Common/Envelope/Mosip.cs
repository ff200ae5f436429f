using Civitas.Common.Errors;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.DependencyInjection;

namespace Civitas.Common.Envelope;

/// <summary>
/// Builds MOSIP responses. Success and business failure have the same HTTP 200 and the same body type,
/// so a handler's return type is always <c>Ok&lt;MosipResponse&lt;T&gt;&gt;</c>.
/// </summary>
public static class Mosip
{
    /// <summary>A success answering <paramref name="request"/> (its id and version are echoed).</summary>
    public static Ok<MosipResponse<T>> Ok<T>(IMosipBody? request, T response, TimeProvider? clock = null) =>
        TypedResults.Ok(Create(request?.Id, request?.Version, response, null, clock));

    /// <summary>A success for a route without a request body (GET), with the route's response id.</summary>
    public static Ok<MosipResponse<T>> Ok<T>(string? id, T response, TimeProvider? clock = null) =>
        TypedResults.Ok(Create(id, "v1", response, null, clock));

    /// <summary>A business or validation failure: HTTP 200, <c>response</c> null, <c>errors</c> filled.</summary>
    public static Ok<MosipResponse<T>> Fail<T>(IMosipBody? request, params ServiceError[] errors) =>
        TypedResults.Ok(Create<T>(request?.Id, request?.Version, default, errors, null));

    /// <summary>A failure for a route without a request body (GET).</summary>
    public static Ok<MosipResponse<T>> Fail<T>(string? id, params ServiceError[] errors) =>
        TypedResults.Ok(Create<T>(id, "v1", default, errors, null));

    /// <summary>The response object itself, for writers that are not minimal-API results (filters, exception handler).</summary>
    public static MosipResponse<T> Create<T>(string? id, string? version, T? response, IReadOnlyList<ServiceError>? errors, TimeProvider? clock) =>
        new()
        {
            Id = id,
            Version = version,
            ResponseTime = MosipTime.Format((clock ?? TimeProvider.System).GetUtcNow()),
            Response = response,
            Errors = errors is { Count: > 0 } ? errors : null,
        };

    /// <summary>Writes an error envelope with any status: used where no handler result exists.</summary>
    public static IResult Error(int status, string? id, string? version, ServiceError error, HttpContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var clock = context.RequestServices.GetService<TimeProvider>();
        return TypedResults.Json(Create<object>(id, version, null, [error], clock), statusCode: status);
    }
}
