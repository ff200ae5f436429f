using System.Text.Json.Serialization;

namespace Civitas.Partners.Api;

public sealed record CreateMispRequest(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("licenseExpiresAt")] string? LicenseExpiresAt);

/// <summary>A new MISP; <see cref="LicenseKey"/> is shown only here (the kernel keeps it, this module only its hash).</summary>
public sealed record MispView(
    [property: JsonPropertyName("mispId")] string MispId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("licenseKey")] string LicenseKey,
    [property: JsonPropertyName("licenseExpiresAt")] DateTimeOffset LicenseExpiresAt);

public sealed record CreatePolicyRequest(
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("allowedAuthTypes")] IReadOnlyList<string?>? AllowedAuthTypes,
    [property: JsonPropertyName("mandatoryAuthTypes")] IReadOnlyList<string?>? MandatoryAuthTypes,
    [property: JsonPropertyName("allowedKycAttributes")] IReadOnlyList<string?>? AllowedKycAttributes,
    [property: JsonPropertyName("authTokenType")] string? AuthTokenType);

public sealed record PolicyView(
    [property: JsonPropertyName("policyId")] string PolicyId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("allowedAuthTypes")] IReadOnlyList<string> AllowedAuthTypes,
    [property: JsonPropertyName("mandatoryAuthTypes")] IReadOnlyList<string> MandatoryAuthTypes,
    [property: JsonPropertyName("allowedKycAttributes")] IReadOnlyList<string> AllowedKycAttributes,
    [property: JsonPropertyName("authTokenType")] string AuthTokenType);

public sealed record StatusRequest([property: JsonPropertyName("status")] string? Status);

public sealed record CreatePartnerRequest(
    [property: JsonPropertyName("partnerId")] string? PartnerId,
    [property: JsonPropertyName("name")] string? Name,
    [property: JsonPropertyName("kind")] string? Kind,
    [property: JsonPropertyName("mispId")] string? MispId,
    [property: JsonPropertyName("policyId")] string? PolicyId,
    [property: JsonPropertyName("certificate")] string? Certificate,
    [property: JsonPropertyName("caCertificates")] IReadOnlyList<string?>? CaCertificates);

/// <summary>The certificate partners encrypt their requests' session keys to (key manager <c>IDA</c>/<c>PARTNER</c>).</summary>
public sealed record IdaCertificateView(
    [property: JsonPropertyName("certificate")] string Certificate,
    [property: JsonPropertyName("thumbprintHex")] string ThumbprintHex,
    [property: JsonPropertyName("thumbprintBase64Url")] string ThumbprintBase64Url);

/// <summary>A partner just onboarded; <see cref="ApiKey"/> is shown only here.</summary>
public sealed record OnboardedPartnerView(
    [property: JsonPropertyName("partnerId")] string PartnerId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("mispId")] string MispId,
    [property: JsonPropertyName("policyId")] string PolicyId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("apiKey")] string ApiKey,
    [property: JsonPropertyName("idaCertificate")] IdaCertificateView IdaCertificate);

/// <summary>A partner as the admin routes show it (never its API key).</summary>
public sealed record PartnerView(
    [property: JsonPropertyName("partnerId")] string PartnerId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("mispId")] string MispId,
    [property: JsonPropertyName("policyId")] string? PolicyId,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("certificate")] string Certificate,
    [property: JsonPropertyName("createdAt")] DateTime CreatedAt,
    [property: JsonPropertyName("updatedAt")] DateTime UpdatedAt);

public sealed record ApiKeyView([property: JsonPropertyName("apiKey")] string ApiKey);
