using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Civitas.Partners.Admin;

/// <summary>
/// What onboarding demands of the certificates it is given, checked before anything is stored so a bad one is
/// named field by field: one PEM certificate each, in date, the partner's an RSA key of at least 2048 bits.
/// </summary>
internal static class CertificateCheck
{
    public const int MinRsaBits = 2048;
    private const int MaxPemLength = 16 * 1024;

    /// <summary>The certificate in <paramref name="pem"/>, or null with <paramref name="problem"/> set.</summary>
    public static X509Certificate2? Parse(string? pem, DateTimeOffset now, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(pem))
        {
            problem = "Required: a PEM certificate.";
            return null;
        }

        if (pem.Length > MaxPemLength || !pem.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal))
        {
            problem = "Not a PEM certificate (-----BEGIN CERTIFICATE-----).";
            return null;
        }

        X509Certificate2 certificate;
        try
        {
            certificate = X509Certificate2.CreateFromPem(pem);
        }
        catch (CryptographicException)
        {
            problem = "Not a readable PEM certificate.";
            return null;
        }

        if (certificate.NotBefore.ToUniversalTime() > now.UtcDateTime || certificate.NotAfter.ToUniversalTime() < now.UtcDateTime)
        {
            problem = $"Not in date (valid {certificate.NotBefore.ToUniversalTime():u} to {certificate.NotAfter.ToUniversalTime():u}).";
            certificate.Dispose();
            return null;
        }

        return certificate;
    }

    /// <summary>Why the partner's own certificate cannot serve (not RSA, too short), or null.</summary>
    public static string? PartnerKeyProblem(X509Certificate2 certificate)
    {
        using var rsa = certificate.GetRSAPublicKey();
        return rsa is null ? "Must carry an RSA key (requests are signed RS256 and eKYC keys are wrapped with RSA-OAEP)."
            : rsa.KeySize < MinRsaBits ? $"The RSA key has {rsa.KeySize} bits; at least {MinRsaBits} are needed."
            : null;
    }

    public static bool IsCertificateAuthority(X509Certificate2 certificate) =>
        certificate.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault() is { CertificateAuthority: true };

    /// <summary>Issued by itself: same subject and issuer, and its own key verifies its signature.</summary>
    public static bool IsSelfSigned(X509Certificate2 certificate)
    {
        if (!certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData))
        {
            return false;
        }

        using var chain = NewChain(certificate.NotBefore.ToUniversalTime());
        chain.ChainPolicy.CustomTrustStore.Add(certificate);
        return chain.Build(certificate);
    }

    /// <summary>True when <paramref name="certificate"/> chains to one of the self-signed <paramref name="authorities"/>, the others serving as intermediates.</summary>
    public static bool ChainsTo(X509Certificate2 certificate, IReadOnlyList<X509Certificate2> authorities, DateTimeOffset now)
    {
        using var chain = NewChain(now.UtcDateTime);
        foreach (var authority in authorities)
        {
            (IsSelfSigned(authority) ? chain.ChainPolicy.CustomTrustStore : chain.ChainPolicy.ExtraStore).Add(authority);
        }

        return chain.Build(certificate);
    }

    /// <summary>Upper-case hex SHA-256 of the DER encoding.</summary>
    public static string ThumbprintHex(X509Certificate2 certificate) => Convert.ToHexString(SHA256.HashData(certificate.RawData));

    private static X509Chain NewChain(DateTime verificationTime)
    {
        var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        chain.ChainPolicy.VerificationTime = verificationTime;
        return chain;
    }
}
