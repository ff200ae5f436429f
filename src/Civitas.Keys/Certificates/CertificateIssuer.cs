using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Civitas.Keys.Certificates;

/// <summary>Builds X.509 v3 certificates and PKCS#10 requests for generated keys (SHA256withRSA, random 64-bit serials).</summary>
internal static class CertificateIssuer
{
    public static X509Certificate2 Issue(
        X500DistinguishedName subject,
        PublicKey subjectKey,
        X500DistinguishedName issuerName,
        X509SignatureGenerator issuerSigner,
        PublicKey issuerKey,
        DateTime notBeforeUtc,
        DateTime notAfterUtc,
        bool isCertificateAuthority)
    {
        var request = new CertificateRequest(subject, subjectKey, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(isCertificateAuthority, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            isCertificateAuthority
                ? X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment
                : X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment | X509KeyUsageFlags.NonRepudiation,
            critical: true));
        var subjectKeyIdentifier = new X509SubjectKeyIdentifierExtension(subjectKey, false);
        request.CertificateExtensions.Add(subjectKeyIdentifier);
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromSubjectKeyIdentifier(
            new X509SubjectKeyIdentifierExtension(issuerKey, false)));

        // Serial: 8 random bytes with the top bit cleared so the DER INTEGER stays positive.
        var serial = RandomNumberGenerator.GetBytes(8);
        serial[0] &= 0x7F;
        serial[0] |= 0x01;
        var notBefore = new DateTimeOffset(DateTime.SpecifyKind(notBeforeUtc, DateTimeKind.Utc));
        var notAfter = new DateTimeOffset(DateTime.SpecifyKind(notAfterUtc, DateTimeKind.Utc));
        return request.Create(issuerName, issuerSigner, notBefore, notAfter, serial);
    }

    public static byte[] CreateSigningRequest(X500DistinguishedName subject, PublicKey subjectKey, X509SignatureGenerator subjectSigner) =>
        new CertificateRequest(subject, subjectKey, HashAlgorithmName.SHA256).CreateSigningRequest(subjectSigner);

    public static string Thumbprint(X509Certificate2 certificate) =>
        Convert.ToHexStringLower(certificate.GetCertHash(HashAlgorithmName.SHA256));
}
