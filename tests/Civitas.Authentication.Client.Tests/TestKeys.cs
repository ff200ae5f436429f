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
