namespace Civitas.Keys.Api;

/// <summary>Body of <c>generateMasterKey</c> and <c>generateCSR</c> (MOSIP KeyPairGenerateRequestDto).</summary>
internal sealed record KeyPairGenerateRequest(
    string? ApplicationId,
    string? ReferenceId,
    bool? Force,
    string? CommonName,
    string? OrganizationUnit,
    string? Organization,
    string? Location,
    string? State,
    string? Country);

internal sealed record KeyPairGenerateResponse(string? Certificate, string? CertSignRequest, string IssuedAt, string ExpiryAt, string Timestamp);

internal sealed record UploadCertificateRequest(string? ApplicationId, string? ReferenceId, string? CertificateData);

internal sealed record UploadCertificateResponse(string Status, string Timestamp);

internal sealed record RevokeKeyRequest(string? ApplicationId, string? ReferenceId, bool? DisableAutoGen);

internal sealed record RevokeKeyResponse(string Status, string Timestamp);

internal sealed record CertificateDataItem(string CertificateData, string CertThumbprint, string KeyCreationTime, string KeyExpiryTime, string ApplicationId, string ReferenceId, bool Revoked);

internal sealed record AllCertificatesResponse(IReadOnlyList<CertificateDataItem> AllCertificates);

internal sealed record CaCertificateRequest(string? CertificateData, string? PartnerDomain);

internal sealed record CaCertificateResponse(string Status, string Timestamp);

internal sealed record PartnerCertificateRequest(string? CertificateData, string? OrganizationName, string? PartnerDomain);

internal sealed record PartnerCertificateResponse(string CertificateId, string SignedCertificateData, string Timestamp);

internal sealed record PartnerCertificateDownloadResponse(string CertificateData, string Timestamp);

internal sealed record CertificateTrustRequest(string? CertificateData, string? PartnerDomain);

internal sealed record CertificateTrustResponse(bool Status);
