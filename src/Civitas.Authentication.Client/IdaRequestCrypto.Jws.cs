using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace Civitas.Authentication.Client;

/// <summary>
/// The detached JWS of the <c>signature</c> request header and the <c>response-signature</c> response header
/// (REFERENCE section 7): RS256 over the raw body bytes, the signer's certificate in <c>x5c</c>, payload left out
/// (<c>header..signature</c>).
/// </summary>
public static partial class IdaRequestCrypto
{
    private const int MaxJwsLength = 64 * 1024;

    /// <summary>Signs <paramref name="body"/> with the partner's key; the header carries <c>alg</c>, <c>x5c</c> and <c>x5t#S256</c>.</summary>
    public static string SignDetached(ReadOnlySpan<byte> body, X509Certificate2 partnerCertificateWithKey)
    {
        ArgumentNullException.ThrowIfNull(partnerCertificateWithKey);
        using var rsa = partnerCertificateWithKey.GetRSAPrivateKey()
            ?? throw new ArgumentException("The partner certificate has no RSA private key attached.", nameof(partnerCertificateWithKey));
        var header = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
        {
            ["alg"] = "RS256",
            ["x5c"] = new[] { Convert.ToBase64String(partnerCertificateWithKey.RawData) },
            ["x5t#S256"] = Base64Url.EncodeToString(Thumbprint(partnerCertificateWithKey)),
        });
        var encodedHeader = Base64Url.EncodeToString(header);
        var signature = rsa.SignData(SigningInput(encodedHeader, body), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return $"{encodedHeader}..{Base64Url.EncodeToString(signature)}";
    }

    /// <summary>
    /// True when <paramref name="jws"/> is an RS256 JWS over <paramref name="body"/> made with the key of the first
    /// <c>x5c</c> certificate (detached, or with the payload matching <paramref name="body"/>); <paramref name="signer"/>
    /// is that certificate. An <c>x5t#S256</c> that disagrees with it, a <c>crit</c> header or any other algorithm fails.
    /// Never throws: malformed input is simply not valid. Whether the signer is trusted is the caller's decision.
    /// </summary>
    public static bool VerifyDetached(string jws, ReadOnlySpan<byte> body, out X509Certificate2? signer)
    {
        signer = null;
        if (string.IsNullOrWhiteSpace(jws) || jws.Length > MaxJwsLength)
        {
            return false;
        }

        var parts = jws.Trim().Split('.');
        if (parts.Length != 3 || parts[0].Length == 0 || parts[2].Length == 0
            || !Base64Url.IsValid(parts[0]) || !Base64Url.IsValid(parts[2])
            || (parts[1].Length > 0 && parts[1] != Base64Url.EncodeToString(body)))
        {
            return false;
        }

        X509Certificate2? certificate = null;
        try
        {
            certificate = ReadSigner(Base64Url.DecodeFromChars(parts[0]));
            if (certificate is null)
            {
                return false;
            }

            using var rsa = certificate.GetRSAPublicKey();
            var valid = rsa is not null && rsa.VerifyData(
                SigningInput(parts[0], body), Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            if (valid)
            {
                signer = certificate;
                certificate = null;
            }

            return valid;
        }
        catch (Exception ex) when (ex is CryptographicException or FormatException or JsonException or ArgumentException or InvalidOperationException)
        {
            return false;
        }
        finally
        {
            certificate?.Dispose();
        }
    }

    /// <summary>The x5c[0] certificate of an acceptable header, or null.</summary>
    private static X509Certificate2? ReadSigner(byte[] headerJson)
    {
        using var header = JsonDocument.Parse(headerJson);
        var root = header.RootElement;
        if (root.ValueKind != JsonValueKind.Object
            || !root.TryGetProperty("alg", out var alg) || alg.ValueKind != JsonValueKind.String || alg.GetString() != "RS256"
            || root.TryGetProperty("crit", out _) || root.TryGetProperty("b64", out _)
            || !root.TryGetProperty("x5c", out var chain) || chain.ValueKind != JsonValueKind.Array || chain.GetArrayLength() == 0
            || chain[0].ValueKind != JsonValueKind.String)
        {
            return null;
        }

        // x5c is standard base64 (RFC 7515 §4.1.6); some producers use base64url, which is accepted too.
        var encoded = chain[0].GetString()!;
        var der = Base64Url.IsValid(encoded) && !encoded.Contains('+', StringComparison.Ordinal) && !encoded.Contains('/', StringComparison.Ordinal)
            ? Base64Url.DecodeFromChars(encoded.TrimEnd('='))
            : Convert.FromBase64String(encoded);
        var certificate = X509CertificateLoader.LoadCertificate(der);
        if (root.TryGetProperty("x5t#S256", out var x5t)
            && (x5t.ValueKind != JsonValueKind.String || x5t.GetString() != Base64Url.EncodeToString(Thumbprint(certificate))))
        {
            certificate.Dispose();
            return null;
        }

        return certificate;
    }

    private static byte[] SigningInput(string encodedHeader, ReadOnlySpan<byte> body)
    {
        var payload = Base64Url.EncodeToString(body);
        return Encoding.ASCII.GetBytes($"{encodedHeader}.{payload}");
    }
}
