using Civitas.Authentication.Errors;
using Civitas.Authentication.Factors;
using Civitas.Authentication.Requests;
using Civitas.Authentication.Transactions;
using Civitas.Common.Security;
using Civitas.Partners;
using Microsoft.Extensions.Logging;

namespace Civitas.Authentication.Api;

/// <summary>
/// The current IDA routes (REFERENCE §7). Partner routes are anonymous to OAuth: the partner proves itself by MISP
/// licence key, partner id and API key in the path and its signature over the body. Internal routes take a bearer
/// token with <c>civitas.auth</c>. Answers use IDA's own shape and are signed (<c>response-signature</c>).
/// </summary>
internal static class IdaRoutes
{
    public static void MapIdaRoutes(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/idauthentication/v1").WithTags("ID authentication");
        group.MapPost("/auth/{mispLicenseKey}/{partnerId}/{apiKey}", (HttpContext http, string mispLicenseKey, string partnerId, string apiKey, PartnerGate gate) =>
                gate.HandleAsync(http, IdaOperation.Auth, mispLicenseKey, partnerId, apiKey))
            .AllowWithoutToken().WithSummary("Authenticate a resident (OTP, static PIN, demographics, biometrics)");
        group.MapPost("/kyc/{mispLicenseKey}/{partnerId}/{apiKey}", (HttpContext http, string mispLicenseKey, string partnerId, string apiKey, PartnerGate gate) =>
                gate.HandleAsync(http, IdaOperation.Kyc, mispLicenseKey, partnerId, apiKey))
            .AllowWithoutToken().WithSummary("Authenticate a resident and receive their eKYC attributes, encrypted to the partner");
        group.MapPost("/otp/{mispLicenseKey}/{partnerId}/{apiKey}", (HttpContext http, string mispLicenseKey, string partnerId, string apiKey, PartnerGate gate) =>
                gate.HandleAsync(http, IdaOperation.Otp, mispLicenseKey, partnerId, apiKey))
            .AllowWithoutToken().WithSummary("Send an OTP to a resident's registered phone or e-mail");

        var internalGroup = group.MapGroup("/internal").RequireCivitasScope(CivitasScopes.Authentication);
        internalGroup.MapPost("/auth", (HttpContext http, PartnerGate gate) => gate.HandleInternalAsync(http, IdaOperation.Auth))
            .WithSummary("Authenticate a resident for a Civitas service (request encrypted to IDA/INTERNAL)");
        internalGroup.MapPost("/otp", (HttpContext http, PartnerGate gate) => gate.HandleInternalAsync(http, IdaOperation.Otp))
            .WithSummary("Send an OTP for a Civitas service");
        internalGroup.MapGet("/authTransactions/individualId/{individualId}", TransactionRoutes.ListAsync)
            .WithSummary("An individual's authentication attempts, newest first (no factor values)");
    }
}

/// <summary>Establishes the caller of a request before the pipeline runs.</summary>
internal sealed class PartnerGate(IPartnerDirectory directory, PartnerCertificates certificates, AuthenticationPipeline pipeline, TimeProvider clock, ILogger<PartnerGate> logger)
{
    public async Task<IResult> HandleAsync(HttpContext http, IdaOperation operation, string mispLicenseKey, string partnerId, string apiKey)
    {
        try
        {
            return await GateAsync(http, operation, mispLicenseKey, partnerId, apiKey);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // The pipeline handles its own failures; this catches the directory or body reading failing.
            AuthenticationPipeline.LogUnexpected(logger, http.TraceIdentifier, ex);
            return IdaResponse.Fail(operation.ResponseId(), null, IdaErrors.Unexpected, StatusCodes.Status500InternalServerError);
        }
    }

    private async Task<IResult> GateAsync(HttpContext http, IdaOperation operation, string mispLicenseKey, string partnerId, string apiKey)
    {
        var received = clock.GetUtcNow().UtcDateTime;
        var body = await RawBody.ReadAsync(http);
        if (body is null)
        {
            return IdaResponse.Fail(operation.ResponseId(), null, IdaErrors.InvalidInput.With("body (too large)"), StatusCodes.Status413PayloadTooLarge);
        }
        var check = await directory.AuthorizeAsync(mispLicenseKey, partnerId, apiKey, http.RequestAborted);
        if (check.Partner is not { } partner)
        {
            // Not a known caller: no transaction row, no registry access, the directory's code only.
            var refusal = new IdaError(check.ErrorCode ?? IdaErrors.PartnerNotRegistered.ErrorCode, check.ErrorMessage ?? IdaErrors.PartnerNotRegistered.ErrorMessage);
            return IdaResponse.Fail(operation.ResponseId(), AuthenticationPipeline.PeekTransactionId(body), refusal);
        }
        var certificate = certificates.Get(partner.CertificatePem);
        var caller = new Caller(partner, certificate, IdaKeys.PartnerReference, "partner");
        // eKYC needs both: a partner onboarded as EKYC and a policy that allows the kyc auth type.
        if (operation == IdaOperation.Kyc && (partner.Kind != PartnerKind.Ekyc || !partner.Policy.AllowedAuthTypes.Contains(AuthTypeNames.Kyc)))
        {
            return await pipeline.RefuseAsync(http, caller, operation, IdaErrors.PartnerNotEkyc, received, body);
        }
        var signatureError = PartnerSignature.Check(http.Request.Headers[PartnerSignature.HeaderName], body, certificate, received);
        if (signatureError is not null)
        {
            return await pipeline.RefuseAsync(http, caller, operation, signatureError, received, body);
        }
        return await pipeline.ProcessAsync(http, caller, operation, body, received);
    }

    public async Task<IResult> HandleInternalAsync(HttpContext http, IdaOperation operation)
    {
        var received = clock.GetUtcNow().UtcDateTime;
        var body = await RawBody.ReadAsync(http);
        if (body is null)
        {
            return IdaResponse.Fail(operation.ResponseId(), null, IdaErrors.InvalidInput.With("body (too large)"), StatusCodes.Status413PayloadTooLarge);
        }
        var clientId = http.User.FindFirst("client_id")?.Value ?? http.User.FindFirst("sub")?.Value ?? "unknown";
        return await pipeline.ProcessAsync(http, Caller.Internal(clientId), operation, body, received);
    }
}
