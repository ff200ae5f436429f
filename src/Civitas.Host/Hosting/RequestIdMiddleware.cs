using System.Buffers;

namespace Civitas.Host.Hosting;

/// <summary>
/// Every response carries <c>X-Request-Id</c>: the caller's own id when it is short and plain, otherwise the
/// server's trace identifier. The same id appears in the logs of that request.
/// </summary>
internal sealed partial class RequestIdMiddleware(RequestDelegate next, ILogger<RequestIdMiddleware> logger)
{
    public const string HeaderName = "X-Request-Id";

    private static readonly SearchValues<char> Allowed =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.:");

    public async Task InvokeAsync(HttpContext context)
    {
        var incoming = context.Request.Headers[HeaderName].ToString();
        if (incoming.Length is > 0 and <= 64 && !incoming.AsSpan().ContainsAnyExcept(Allowed))
        {
            context.TraceIdentifier = incoming;
        }

        context.Response.Headers[HeaderName] = context.TraceIdentifier;
        using (logger.BeginScope(new Dictionary<string, object> { ["RequestId"] = context.TraceIdentifier }))
        {
            await next(context);
        }
    }
}
