using Civitas.Common.Envelope;
using Civitas.Common.Errors;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Civitas.Keys.Api;

/// <summary>Runs a handler body and turns a <see cref="KeysException"/> into MOSIP's HTTP 200 error envelope.</summary>
internal static class KeysEndpoint
{
    public static Ok<MosipResponse<TResponse>> Run<TRequest, TResponse>(MosipBody<TRequest> body, Func<TRequest, TResponse> work)
        where TRequest : class
    {
        try
        {
            return Mosip.Ok(body, work(body.Request));
        }
        catch (KeysException e)
        {
            return Mosip.Fail<TResponse>(body, new ServiceError(e.Error.Code, e.Error.Message));
        }
    }

    public static Ok<MosipResponse<TResponse>> Run<TResponse>(string responseId, Func<TResponse> work)
    {
        try
        {
            return Mosip.Ok(responseId, work());
        }
        catch (KeysException e)
        {
            return Mosip.Fail<TResponse>(responseId, new ServiceError(e.Error.Code, e.Error.Message));
        }
    }

    public static string Required(string? value, string name, KeysError error) =>
        string.IsNullOrWhiteSpace(value) ? throw new KeysException(error, name) : value.Trim();

    public static string Now(TimeProvider clock) => MosipTime.Format(clock.GetUtcNow());

    public static string Format(DateTime utc) => MosipTime.Format(new DateTimeOffset(DateTime.SpecifyKind(utc, DateTimeKind.Utc)));
}
