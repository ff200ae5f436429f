using Civitas.Common.Envelope;
using Civitas.Common.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Civitas.Host.Tests;

/// <summary>
/// Test-only MOSIP routes (prefix KER-TST) that exercise the shared envelope exactly as module routes do:
/// a success, a business failure, and an unexpected exception. They need no scope, only a valid token.
/// </summary>
internal static class EnvelopeProbeRoutes
{
    public static readonly ServiceError NameTaken = new("KER-TST-001", "Name is already taken");

    public sealed record ProbeRequest(string? Name, int Count);

    public sealed record ProbeResponse(string Greeting, int Count);

    public static void Map(WebApplication app)
    {
        var group = app.MapGroup("/test/probe").WithMosipEnvelope("KER-TST");
        group.MapPost("/echo", (MosipBody<ProbeRequest> body) =>
            body.Request.Name == "taken"
                ? Mosip.Fail<ProbeResponse>(body, NameTaken)
                : Mosip.Ok(body, new ProbeResponse($"hello {body.Request.Name}", body.Request.Count)));
        group.MapPost("/explode", (MosipBody<ProbeRequest> body) =>
            body.Request.Count >= 0
                ? throw new InvalidOperationException("secret-internal-detail")
                : Mosip.Ok(body, new ProbeResponse("never", 0)));
        app.MapGet("/test/unprotected", () => "reachable");
    }
}
