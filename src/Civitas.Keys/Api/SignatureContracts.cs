namespace Civitas.Keys.Api;

internal sealed record SignRequest(string? Data);

internal sealed record SignResponse(string Signature, string Timestamp);

internal sealed record ValidateRequest(string? Signature, string? Data, string? Timestamp);

internal sealed record ValidateResponse(string Status, string Message);

/// <summary>Body of <c>jwtSign</c> and <c>jwsSign</c> (the latter adds validateJson, b64JWSHeaderParam, signAlgorithm).</summary>
internal sealed record JwtSignRequest(
    string? DataToSign,
    string? ApplicationId,
    string? ReferenceId,
    bool? IncludePayload,
    bool? IncludeCertificate,
    bool? IncludeCertHash,
    string? CertificateUrl,
    bool? ValidateJson,
    bool? B64JWSHeaderParam,
    string? SignAlgorithm);

internal sealed record JwtSignResponse(string JwtSignedData, string Timestamp);

internal sealed record JwtVerifyRequest(
    string? JwtSignatureData,
    string? ActualData,
    string? ApplicationId,
    string? ReferenceId,
    string? CertificateData,
    bool? ValidateTrust,
    string? Domain);

internal sealed record JwtVerifyResponse(bool SignatureValid, string Message, string TrustValid);
