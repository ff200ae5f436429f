using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Civitas.Authentication.Client.Tests;

/// <summary>Throw-away RSA certificates for partners and for a stand-in IDA, generated with plain .NET.</summary>
internal static class TestKeys
{
    private static readonly Lazy<X509Certificate2> LazyPartner = new(() => Create("CN=Test Partner"));
    private static readonly Lazy<X509Certificate2> LazyIda = new(() => Create("CN=Test IDA"));

    /// <summary>A partner certificate with its private key.</summary>
    public static X509Certificate2 Partner => LazyPartner.Value;

    /// <summary>A stand-in IDA partner-facing certificate with its private key (the test plays the server).</summary>
    public static X509Certificate2 Ida => LazyIda.Value;

    public static X509Certificate2 Create(string subject)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));
    }

    /// <summary>A CA certificate (basicConstraints CA:TRUE, keyCertSign) with its private key.</summary>
    public static X509Certificate2 CreateAuthority(string subject)
    {
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        request.CertificateExtensions.Add(new X509SubjectKeyIdentifierExtension(request.PublicKey, false));
        var now = DateTimeOffset.UtcNow;
        return request.CreateSelfSigned(now.AddDays(-2), now.AddYears(2));
    }

    /// <summary>An end-entity certificate issued by <paramref name="authority"/>, with its private key.</summary>
    public static X509Certificate2 CreateIssued(string subject, X509Certificate2 authority)
    {
        ArgumentNullException.ThrowIfNull(authority);
        using var rsa = RSA.Create(2048);
        var request = new CertificateRequest(subject, rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature | X509KeyUsageFlags.KeyEncipherment, true));
        request.CertificateExtensions.Add(X509AuthorityKeyIdentifierExtension.CreateFromCertificate(authority, true, false));
        var now = DateTimeOffset.UtcNow;
        using var issued = request.Create(authority, now.AddDays(-1), now.AddYears(1), RandomNumberGenerator.GetBytes(16));
        return issued.CopyWithPrivateKey(rsa);
    }

    public static string PrivateKeyPem(X509Certificate2 certificate)
    {
        using var rsa = certificate.GetRSAPrivateKey()!;
        return rsa.ExportPkcs8PrivateKeyPem();
    }

    /// <summary>A fresh temporary folder, deleted by the caller.</summary>
    public static string TempFolder()
    {
        var folder = Path.Combine(Path.GetTempPath(), "civitas-ida-client-" + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(folder);
        return folder;
    }
}
