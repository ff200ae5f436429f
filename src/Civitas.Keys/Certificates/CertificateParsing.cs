using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Civitas.Keys.Certificates;

/// <summary>Accepts a certificate as PEM or as base64 DER, the two forms MOSIP clients send.</summary>
internal static class CertificateParsing
{
    public static X509Certificate2 Parse(string? certificateData, KeysError? error = null)
    {
        var failure = error ?? KeysErrors.CertificateParsingError;
        if (string.IsNullOrWhiteSpace(certificateData))
        {
            throw new KeysException(failure);
        }
        try
        {
            var text = certificateData.Trim();
            if (text.Contains("-----BEGIN", StringComparison.Ordinal))
            {
                return X509Certificate2.CreateFromPem(text);
            }
            return X509CertificateLoader.LoadCertificate(Convert.FromBase64String(text));
        }
        catch (Exception e) when (e is CryptographicException or FormatException or ArgumentException)
        {
            throw new KeysException(failure);
        }
    }
}
