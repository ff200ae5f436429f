using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Civitas.Keys.Tests.Support;

/// <summary>Outside CAs and partner certificates made directly with System.Security.Cryptography, independent of the module.</summary>
internal static class TestCertificates
{
    public static X509Certificate2 SelfSignedCa(string name, RSA key)
    {
        var request = new CertificateRequest($"CN={name}, O=Test CA, C=IN", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(5));
    }

    public static X509Certificate2 Issue(X509Certificate2 issuer, string subject, AsymmetricAlgorithm subjectKey, bool isCa = false)
    {
        var request = subjectKey switch
        {
            RSA rsa => new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
            ECDsa ec => new CertificateRequest(subject, ec, HashAlgorithmName.SHA256),
            _ => throw new ArgumentException("unsupported key", nameof(subjectKey)),
        };
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(isCa, false, 0, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(issuer, true, false));
        var serial = RandomNumberGenerator.GetBytes(8);
        serial[0] &= 0x7F;
        // Never outlive the issuer (a sub CA issues for less time than the root gave it).
        var notAfter = DateTimeOffset.UtcNow.AddYears(2);
        if (notAfter > issuer.NotAfter.ToUniversalTime())
        {
            notAfter = issuer.NotAfter.ToUniversalTime().AddMinutes(-1);
        }
        return request.Create(issuer, DateTimeOffset.UtcNow.AddHours(-1), notAfter, serial);
    }

    /// <summary>Signs a PKCS#10 request with an outside CA, keeping the requested subject and key.</summary>
    public static X509Certificate2 SignCsr(X509Certificate2 issuer, string csrPem)
    {
        var request = CertificateRequest.LoadSigningRequestPem(csrPem, HashAlgorithmName.SHA256, CertificateRequestLoadOptions.Default, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        var serial = RandomNumberGenerator.GetBytes(8);
        serial[0] &= 0x7F;
        return request.Create(issuer, DateTimeOffset.UtcNow.AddHours(-1), DateTimeOffset.UtcNow.AddYears(1), serial);
    }
}
