using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Civitas.Authentication.Requests;

/// <summary>
/// Partner certificates parsed once per PEM (parsing per request would dominate the cost of a signature check):
/// the DER to compare with the <c>x5c</c> header, the public key to verify with, and the SHA-256 thumbprint eKYC
/// answers carry. Bounded: a changed certificate is a new entry, and the cache is cleared when it grows too large.
/// </summary>
internal sealed class PartnerCertificates
{
    private const int MaxEntries = 4096;
    private readonly ConcurrentDictionary<string, PartnerCertificate?> _byPem = new(StringComparer.Ordinal);

    /// <summary>The parsed certificate, or null when the PEM is not a usable RSA certificate.</summary>
    public PartnerCertificate? Get(string pem)
    {
        if (_byPem.TryGetValue(pem, out var cached))
        {
            return cached;
        }
        if (_byPem.Count >= MaxEntries)
        {
            _byPem.Clear();
        }
        return _byPem.GetOrAdd(pem, Parse);
    }

    private static PartnerCertificate? Parse(string pem)
    {
        try
        {
            using var certificate = X509Certificate2.CreateFromPem(pem);
            var rsa = certificate.GetRSAPublicKey();
            if (rsa is null)
            {
                return null;
            }
            var der = certificate.RawData;
            return new PartnerCertificate(der, rsa, Convert.ToHexString(SHA256.HashData(der)), certificate.NotBefore.ToUniversalTime(), certificate.NotAfter.ToUniversalTime());
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}

/// <summary>
/// A partner certificate ready for use. <see cref="PublicKey"/> is shared; RSA public operations are thread-safe.
/// The validity period is kept because the cache outlives it: a certificate that has expired since onboarding must
/// stop being accepted (signatures) and used (eKYC encryption).
/// </summary>
internal sealed record PartnerCertificate(byte[] Der, RSA PublicKey, string ThumbprintHex, DateTime NotBeforeUtc, DateTime NotAfterUtc)
{
    public bool IsValidAt(DateTime utc) => utc >= NotBeforeUtc && utc <= NotAfterUtc;
}
