using System.Buffers;
using System.Text.Json;
using Civitas.Authentication.Api;
using Civitas.Authentication.Errors;
using Civitas.Authentication.Requests;
using Civitas.Common.Envelope;
using Civitas.Common.Security;
using Civitas.Partners;
using Microsoft.Extensions.Logging;

namespace Civitas.Authentication.Seed;

/// <summary>
/// The seed's v1.0 routes, <c>POST /identity/auth/v1.0</c> and <c>/identity/otp/v1.0</c>: the same checks and
/// factors as the current routes, in the older shape (partner by <c>tspID</c> + <c>licenseKey</c>, answer
/// <c>status</c> Y/N, <c>err[{code, message}]</c>, <c>staticToken</c>). Business failures answer HTTP 200 as the
/// current routes do; the seed's sample of HTTP 500 for a refusal is not followed (a 500 means a server fault here).
/// </summary>
internal static class SeedRoutes
{
    public static void MapSeedRoutes(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/identity").WithTags("ID authentication (v1.0)").AllowWithoutToken();
        group.MapPost("/auth/v1.0", (HttpContext http, SeedGate gate) => gate.HandleAsync(http, IdaOperation.Auth))
            .WithSummary("Authenticate a resident (seed v1.0 shape)");
        group.MapPost("/otp/v1.0", (HttpContext http, SeedGate gate) => gate.HandleAsync(http, IdaOperation.Otp))
            .WithSummary("Send an OTP to a resident (seed v1.0 shape)");
    }
}

internal sealed class SeedGate(IPartnerDirectory directory, PartnerCertificates certificates, AuthenticationPipeline pipeline, TimeProvider clock, ILogger<SeedGate> logger)
{
    public async Task<IResult> HandleAsync(HttpContext http, IdaOperation operation)
    {
        var received = clock.GetUtcNow().UtcDateTime;
        var apiId = operation.ResponseId();
        string? transactionId = null;
        try
        {
            var body = await RawBody.ReadAsync(http);
            if (body is null)
            {
                return new SeedResponse(apiId, null, IdaErrors.InvalidInput.With("body (too large)"), null, null, StatusCodes.Status413PayloadTooLarge);
            }
            var seed = SeedRequest.Parse(body, operation == IdaOperation.Otp, out transactionId, out var parseError);
            if (seed is null)
            {
                // Before the partner is known nothing is recorded: the body does not even say who sent it.
                return new SeedResponse(apiId, transactionId, parseError, null, null);
            }
            var check = await directory.AuthorizeTspAsync(seed.TspId, seed.LicenseKey, http.RequestAborted);
            if (check.Partner is not { } partner)
            {
                var refusal = new IdaError(check.ErrorCode ?? IdaErrors.PartnerNotRegistered.ErrorCode, check.ErrorMessage ?? IdaErrors.PartnerNotRegistered.ErrorMessage);
                return new SeedResponse(apiId, transactionId, refusal, null, null);
            }
            var certificate = certificates.Get(partner.CertificatePem);
            var attempt = new Attempt(new Caller(partner, certificate, IdaKeys.PartnerReference, "v1.0"), operation, received)
            {
                TransactionId = transactionId,
                IndividualIdType = seed.Envelope.IndividualIdType,
            };
            var (error, response) = await RunAsync(http, attempt, seed, body);
            await pipeline.RecordAsync(http, attempt, error);
            return new SeedResponse(apiId, transactionId, error, error is null ? attempt.AuthToken : null, error is null ? response : null);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            AuthenticationPipeline.LogUnexpected(logger, http.TraceIdentifier, ex);
            return new SeedResponse(apiId, transactionId, IdaErrors.Unexpected, null, null, StatusCodes.Status500InternalServerError);
        }
    }

    private async Task<(IdaError?, Action<Utf8JsonWriter>?)> RunAsync(HttpContext http, Attempt attempt, SeedRequest seed, byte[] body)
    {
        var signatureError = PartnerSignature.Check(http.Request.Headers[PartnerSignature.HeaderName], body, attempt.Caller.Certificate, attempt.ReceivedUtc);
        if (signatureError is not null)
        {
            return (signatureError, null);
        }
        var freshness = await pipeline.CheckFreshAsync(http, attempt, seed.Envelope.RequestTime, seed.Envelope.TransactionId);
        if (freshness is not null)
        {
            return (freshness, null);
        }
        if (attempt.Operation == IdaOperation.Otp)
        {
            attempt.AuthTypes = ["otp-request"];
            return await pipeline.OtpRequestAsync(http, attempt, seed.Envelope);
        }
        return await pipeline.AuthenticateParsedAsync(http, attempt, seed.Envelope, seed.Factors!);
    }
}

/// <summary>The v1.0 answer, signed like the current one (<c>response-signature</c>).</summary>
internal sealed class SeedResponse(string id, string? transactionId, IdaError? error, string? staticToken, Action<Utf8JsonWriter>? response, int statusCode = StatusCodes.Status200OK) : IResult
{
    public async Task ExecuteAsync(HttpContext httpContext)
    {
        ArgumentNullException.ThrowIfNull(httpContext);
        var now = httpContext.RequestServices.GetRequiredService<TimeProvider>().GetUtcNow();
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("id", id);
            writer.WriteString("version", "1.0");
            writer.WriteString("transactionID", transactionId);
            writer.WriteString("responseTime", MosipTime.Format(now));
            writer.WriteString("status", error is null ? "Y" : "N");
            writer.WriteStartArray("err");
            if (error is not null)
            {
                writer.WriteStartObject();
                writer.WriteString("code", error.ErrorCode);
                writer.WriteString("message", error.ErrorMessage);
                writer.WriteEndObject();
            }
            writer.WriteEndArray();
            if (staticToken is not null)
            {
                writer.WriteString("staticToken", staticToken);
            }
            if (response is not null && id == IdaOperation.Otp.ResponseId())
            {
                writer.WritePropertyName("response");
                response(writer);
            }
            writer.WriteEndObject();
        }
        await IdaResponse.SendSignedAsync(httpContext, buffer.WrittenSpan.ToArray(), statusCode);
    }
}
