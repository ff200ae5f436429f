using Civitas.Keys.Certificates;

namespace Civitas.Keys.Management;

/// <summary>
/// The key hierarchy (ROOT → master per application → base key per reference id) for other modules.
/// Failures throw <see cref="KeysException"/> carrying the MOSIP error code.
/// </summary>
public interface IKeyManager
{
    /// <summary>The current certificate for (application, reference), creating the key if none is current.</summary>
    KeyCertificate GetCertificate(string applicationId, string? referenceId);

    /// <summary>Creates a key when none is current, or always when <paramref name="force"/> (rotation); returns its certificate.</summary>
    KeyCertificate GenerateKey(string applicationId, string? referenceId, bool force, CertificateSubject? subject);

    /// <summary>PEM PKCS#10 request for the current key of (application, reference), with the given subject.</summary>
    string GenerateCsr(string applicationId, string? referenceId, CertificateSubject? subject);

    /// <summary>Replaces the certificate of the current key (e.g. by a CA-signed one); the public key must match.</summary>
    KeyCertificate UploadCertificate(string applicationId, string? referenceId, string certificateData);

    /// <summary>Stores another domain's certificate (no private key) for encryption to it.</summary>
    KeyCertificate UploadOtherDomainCertificate(string applicationId, string? referenceId, string certificateData);

    /// <summary>Revokes the current key of (application, non-empty reference): no longer used for new operations, still decrypts old data.</summary>
    KeyCertificate RevokeKey(string applicationId, string referenceId);

    /// <summary>Every key recorded for the application (optionally one reference), current or not.</summary>
    IReadOnlyList<KeyCertificate> GetAllCertificates(string? applicationId, string? referenceId);
}
