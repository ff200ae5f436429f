using System.Text.Json.Serialization;
using Civitas.Common.Envelope;
using Civitas.Common.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Civitas.Kernel.Licenses;

/// <summary>Licence key routes on the seed's <c>/v1/licensekeymanager/license</c> and the current <c>/v1/keymanager/license</c>.</summary>
internal static class LicenseRoutes
{
    private const string FetchResponseId = "mosip.kernel.licensekey.permission";

    public static void MapLicenseKeys(this IEndpointRouteBuilder routes)
    {
        foreach (var prefix in new[] { "/v1/licensekeymanager/license", "/v1/keymanager/license" })
        {
            var group = routes.MapGroup(prefix).WithMosipEnvelope(LicenseErrors.Prefix).RequireCivitasScope(CivitasScopes.Kernel).WithTags("Licence keys");
            group.MapPost("/generate", GenerateAsync);
            group.MapPost("/permission", MapPermissionsAsync);
            group.MapGet("/permission", FetchPermissionsAsync);
            group.MapPut("/status", ChangeStatusAsync);
        }
    }

    internal static async Task<Ok<MosipResponse<LicenseGenerateResponse>>> GenerateAsync(
        MosipBody<LicenseGenerateRequest> body, ILicenseKeyService licenses, TimeProvider clock, CancellationToken cancellationToken)
    {
        var request = body.Request;
        var tsp = request.TspId ?? request.MispId;
        if (string.IsNullOrWhiteSpace(tsp))
        {
            return Mosip.Fail<LicenseGenerateResponse>(body, LicenseErrors.IllegalTsp);
        }

        if (!MosipTime.TryParse(request.LicenseExpiryTime, out var expiry))
        {
            return Mosip.Fail<LicenseGenerateResponse>(body, LicenseErrors.Codes.InvalidInput("licenseExpiryTime must be an ISO 8601 UTC time"));
        }

        var outcome = await licenses.GenerateAsync(tsp, expiry, cancellationToken);
        return outcome.Error is { } error
            ? Mosip.Fail<LicenseGenerateResponse>(body, error)
            : Mosip.Ok(body, new LicenseGenerateResponse(outcome.Value!), clock);
    }

    internal static async Task<Ok<MosipResponse<LicenseMappingResponse>>> MapPermissionsAsync(
        MosipBody<LicensePermissionRequest> body, ILicenseKeyService licenses, TimeProvider clock, CancellationToken cancellationToken)
    {
        var request = body.Request;
        var outcome = await licenses.MapPermissionsAsync(request.TspId ?? request.MispId, request.LicenseKey, request.Permissions, cancellationToken);
        return outcome.Error is { } error
            ? Mosip.Fail<LicenseMappingResponse>(body, error)
            : Mosip.Ok(body, new LicenseMappingResponse("Mapped License with the permissions", outcome.Value!), clock);
    }

    internal static async Task<Ok<MosipResponse<LicenseFetchResponse>>> FetchPermissionsAsync(
        [FromQuery] string? tspId, [FromQuery(Name = "MISPId")] string? mispId, [FromQuery] string? licenseKey,
        ILicenseKeyService licenses, TimeProvider clock, CancellationToken cancellationToken)
    {
        var outcome = await licenses.GetPermissionsAsync(tspId ?? mispId, licenseKey, cancellationToken);
        return outcome.Error is { } error
            ? Mosip.Fail<LicenseFetchResponse>(FetchResponseId, error)
            : Mosip.Ok(FetchResponseId, new LicenseFetchResponse(outcome.Value!.Permissions, outcome.Value.Status), clock);
    }

    internal static async Task<Ok<MosipResponse<LicenseStatusResponse>>> ChangeStatusAsync(
        MosipBody<LicenseStatusRequest> body, ILicenseKeyService licenses, TimeProvider clock, CancellationToken cancellationToken)
    {
        var request = body.Request;
        var outcome = await licenses.ChangeStatusAsync(request.LicenseKey, request.Status, cancellationToken);
        return outcome.Error is { } error
            ? Mosip.Fail<LicenseStatusResponse>(body, error)
            : Mosip.Ok(body, new LicenseStatusResponse(request.LicenseKey!.Trim(), outcome.Value!), clock);
    }
}

internal sealed record LicenseGenerateRequest(
    [property: JsonPropertyName("tspId")] string? TspId,
    [property: JsonPropertyName("MISPId")] string? MispId,
    [property: JsonPropertyName("licenseExpiryTime")] string? LicenseExpiryTime);

internal sealed record LicenseGenerateResponse([property: JsonPropertyName("licenseKey")] string LicenseKey);

internal sealed record LicensePermissionRequest(
    [property: JsonPropertyName("tspId")] string? TspId,
    [property: JsonPropertyName("MISPId")] string? MispId,
    [property: JsonPropertyName("licenseKey")] string? LicenseKey,
    [property: JsonPropertyName("permissions")] List<string?>? Permissions);

internal sealed record LicenseMappingResponse(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("permissions")] IReadOnlyList<string> Permissions);

internal sealed record LicenseFetchResponse(
    [property: JsonPropertyName("permissions")] IReadOnlyList<string> Permissions,
    [property: JsonPropertyName("status")] string Status);

internal sealed record LicenseStatusRequest(
    [property: JsonPropertyName("licenseKey")] string? LicenseKey,
    [property: JsonPropertyName("status")] string? Status);

internal sealed record LicenseStatusResponse(
    [property: JsonPropertyName("licenseKey")] string LicenseKey,
    [property: JsonPropertyName("status")] string Status);
