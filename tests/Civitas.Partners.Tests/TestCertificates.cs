using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Civitas.Partners.Tests;

/// <summary>Certificates made for the tests with the platform's own X.509 builder (not Civitas code).</summary>
internal static class TestCertificates
{
    public static X509Certificate2 RootCa(string name = "Test Partner Root CA") =>
        SelfSigned(name, isCa: true);

    /// <summary>A partner certificate issued by <paramref name="issuer"/> (which must hold its private key).</summary>
    public static X509Certificate2 IssuedBy(X509Certificate2 issuer, string name, int keySize = 2048, bool isCa = false, DateTimeOffset? notAfter = null)
    {
        using var key = RSA.Create(keySize);
        var request = Request(name, key, isCa);
        var serial = RandomNumberGenerator.GetBytes(12);
        serial[0] &= 0x7F;
        var now = DateTimeOffset.UtcNow;
        var until = notAfter ?? now.AddYears(1);
        if (until > issuer.NotAfter)
        {
            until = issuer.NotAfter.ToUniversalTime();
        }

        using var issued = request.Create(issuer, now.AddMinutes(-5), until, serial);
        return issued.CopyWithPrivateKey(key);
    }

    public static X509Certificate2 SelfSigned(string name, bool isCa, int keySize = 2048, DateTimeOffset? notBefore = null, DateTimeOffset? notAfter = null)
    {
        using var key = RSA.Create(keySize);
        var request = Request(name, key, isCa);
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(notBefore ?? now.AddMinutes(-5), notAfter ?? now.AddYears(2));
    }

    public static X509Certificate2 EllipticCurve(string name)
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={name}", key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddMinutes(-5), DateTimeOffset.UtcNow.AddYears(1));
    }

    public static string Pem(this X509Certificate2 certificate) => certificate.ExportCertificatePem();

    private static CertificateRequest Request(string name, RSA key, bool isCa)
    {
        var request = new CertificateRequest($"CN={name}, O=Civitas Test", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(isCa, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(
            isCa ? X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign | X509KeyUsageFlags.DigitalSignature
                 : X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        return request;
    }
}
