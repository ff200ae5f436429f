namespace Civitas.Keys.Management;

/// <summary>The public face of a key: its certificate and lifetime.</summary>
public sealed record KeyCertificate(
    string ApplicationId,
    string ReferenceId,
    string CertificatePem,
    string Thumbprint,
    DateTime IssuedAtUtc,
    DateTime ExpiresAtUtc,
    DateTime? RevokedAtUtc,
    string Alias,
    bool HasPrivateKey);
