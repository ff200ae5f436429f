using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;

namespace Civitas.Keys.Signatures;

/// <summary>
/// JWS compact serialization (RFC 7515), including detached payloads and RFC 7797 unencoded payloads.
/// Verification always uses the header bytes as received, never a re-serialised header.
/// </summary>
public static class JwsCompact
{
    /// <summary>Builds <c>header.payload.signature</c> (or <c>header..signature</c> when <paramref name="detached"/>).</summary>
    public static string Sign(string algorithm, JwsHeader header, ReadOnlySpan<byte> payload, bool detached, Func<byte[], byte[]> signSigningInput)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(signSigningInput);
        // The signing input is written once, straight into its final bytes (every service response is signed).
        var headerJson = HeaderJson(algorithm, header);
        var headerLength = Base64Url.GetEncodedLength(headerJson.WrittenCount);
        var payloadLength = header.EncodePayload ? Base64Url.GetEncodedLength(payload.Length) : payload.Length;
        var signingInput = new byte[headerLength + 1 + payloadLength];
        Base64Url.EncodeToUtf8(headerJson.WrittenSpan, signingInput);
        signingInput[headerLength] = (byte)'.';
        if (header.EncodePayload)
        {
            Base64Url.EncodeToUtf8(payload, signingInput.AsSpan(headerLength + 1));
        }
        else
        {
            payload.CopyTo(signingInput.AsSpan(headerLength + 1));
        }
        var signature = Base64Url.EncodeToString(signSigningInput(signingInput));
        // Base64url is ASCII; an unencoded (b64:false) payload is UTF-8 text and goes into the compact form as is.
        // Detached: "header." here, so the result is "header..signature".
        var signed = Encoding.UTF8.GetString(detached ? signingInput.AsSpan(0, headerLength + 1) : signingInput);
        return string.Concat(signed, ".", signature);
    }

    /// <summary>Parses a compact JWS; false when it is not one (wrong shape, bad base64url, header not a JSON object).</summary>
    public static bool TryParse(string? jws, out ParsedJws parsed)
    {
        parsed = default!;
        if (string.IsNullOrWhiteSpace(jws))
        {
            return false;
        }
        var parts = jws.Trim().Split('.');
        if (parts.Length != 3 || parts[0].Length == 0 || parts[2].Length == 0
            || !Base64Url.IsValid(parts[0]) || !Base64Url.IsValid(parts[2]))
        {
            return false;
        }
        var headerBytes = Base64Url.DecodeFromChars(parts[0]);
        try
        {
            using var document = JsonDocument.Parse(headerBytes);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                return false;
            }
            parsed = new ParsedJws(parts[0], parts[1], Base64Url.DecodeFromChars(parts[2]), document.RootElement.Clone());
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>
    /// Checks the signature with <paramref name="certificate"/>'s key. For a detached JWS pass the payload
    /// (raw bytes; they are base64url-encoded here unless the header says <c>b64:false</c>). Never throws on a bad signature.
    /// </summary>
    public static bool Verify(ParsedJws jws, X509Certificate2 certificate, ReadOnlySpan<byte> detachedPayload)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        using var rsa = certificate.GetRSAPublicKey();
        using var ec = rsa is null ? certificate.GetECDsaPublicKey() : null;
        AsymmetricAlgorithm? key = (AsymmetricAlgorithm?)rsa ?? ec;
        return key is not null && Verify(jws, key, detachedPayload);
    }

    /// <summary>As <see cref="Verify(ParsedJws, X509Certificate2, ReadOnlySpan{byte})"/> with an already parsed public key (RSA or ECDsa).</summary>
    public static bool Verify(ParsedJws jws, AsymmetricAlgorithm publicKey, ReadOnlySpan<byte> detachedPayload)
    {
        ArgumentNullException.ThrowIfNull(jws);
        ArgumentNullException.ThrowIfNull(publicKey);
        var algorithm = jws.Algorithm;
        if (!JwsAlgorithms.IsSupported(algorithm))
        {
            return false;
        }
        var encodePayload = jws.EncodePayload;
        if (encodePayload is null)
        {
            return false;
        }
        byte[] signingInput;
        if (jws.EncodedPayload.Length == 0)
        {
            signingInput = SigningInput(Encoding.ASCII.GetBytes(jws.EncodedHeader), encodePayload.Value, encodePayload.Value ? Base64Url.EncodeToString(detachedPayload) : null, detachedPayload);
        }
        else if (encodePayload.Value)
        {
            signingInput = Encoding.ASCII.GetBytes(jws.EncodedHeader + "." + jws.EncodedPayload);
        }
        else
        {
            signingInput = SigningInput(Encoding.ASCII.GetBytes(jws.EncodedHeader), false, null, Encoding.UTF8.GetBytes(jws.EncodedPayload));
        }
        try
        {
            return (algorithm, publicKey) switch
            {
                (JwsAlgorithms.RS256, RSA rsa) => rsa.VerifyData(signingInput, jws.Signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
                (JwsAlgorithms.PS256, RSA rsa) => rsa.VerifyData(signingInput, jws.Signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pss),
                (JwsAlgorithms.ES256, ECDsa ec) => ec.VerifyData(signingInput, jws.Signature, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
                _ => false,
            };
        }
        catch (CryptographicException)
        {
            return false;
        }
    }

    private static byte[] SigningInput(byte[] encodedHeader, bool encodePayload, string? encodedPayload, ReadOnlySpan<byte> payload)
    {
        var payloadBytes = encodePayload ? Encoding.ASCII.GetBytes(encodedPayload!) : payload.ToArray();
        return [.. encodedHeader, (byte)'.', .. payloadBytes];
    }

    private static ArrayBufferWriter<byte> HeaderJson(string algorithm, JwsHeader header)
    {
        var buffer = new ArrayBufferWriter<byte>(256);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            writer.WriteString("alg", algorithm);
            if (header.Type is not null)
            {
                writer.WriteString("typ", header.Type);
            }
            if (header.KeyId is not null)
            {
                writer.WriteString("kid", header.KeyId);
            }
            if (header.CertificateChain is { Count: > 0 })
            {
                writer.WriteStartArray("x5c");
                foreach (var certificate in header.CertificateChain)
                {
                    // x5c is standard base64 (RFC 7515 §4.1.6), not base64url.
                    writer.WriteStringValue(Convert.ToBase64String(certificate));
                }
                writer.WriteEndArray();
            }
            if (header.CertificateSha256 is not null)
            {
                writer.WriteString("x5t#S256", Base64Url.EncodeToString(header.CertificateSha256));
            }
            if (header.CertificateUrl is not null)
            {
                writer.WriteString("x5u", header.CertificateUrl);
            }
            if (!header.EncodePayload)
            {
                writer.WriteBoolean("b64", false);
                writer.WriteStartArray("crit");
                writer.WriteStringValue("b64");
                writer.WriteEndArray();
            }
            writer.WriteEndObject();
        }
        return buffer;
    }
}

/// <summary>A parsed compact JWS; the header is kept as received (<see cref="EncodedHeader"/>) for verification.</summary>
public sealed record ParsedJws(string EncodedHeader, string EncodedPayload, byte[] Signature, JsonElement Header)
{
    public string? Algorithm => Header.TryGetProperty("alg", out var alg) ? Text(alg) : null;

    public string? KeyId => Header.TryGetProperty("kid", out var kid) ? Text(kid) : null;

    /// <summary>True/false from <c>b64</c>; null when <c>b64:false</c> is used without being listed in <c>crit</c> (RFC 7797 §6 makes that invalid).</summary>
    public bool? EncodePayload
    {
        get
        {
            if (!Header.TryGetProperty("b64", out var b64))
            {
                return true;
            }
            if (b64.ValueKind == JsonValueKind.True)
            {
                return true;
            }
            if (b64.ValueKind != JsonValueKind.False)
            {
                return null;
            }
            var critical = Header.TryGetProperty("crit", out var crit) && crit.ValueKind == JsonValueKind.Array
                && crit.EnumerateArray().Any(e => Text(e) == "b64");
            return critical ? false : null;
        }
    }

    /// <summary>The leaf certificate of <c>x5c</c>, if present and parseable.</summary>
    public X509Certificate2? LeafCertificate
    {
        get
        {
            if (!Header.TryGetProperty("x5c", out var x5c) || x5c.ValueKind != JsonValueKind.Array || x5c.GetArrayLength() == 0)
            {
                return null;
            }
            try
            {
                return X509CertificateLoader.LoadCertificate(Convert.FromBase64String(Text(x5c[0]) ?? string.Empty));
            }
            catch (Exception e) when (e is CryptographicException or FormatException)
            {
                return null;
            }
        }
    }

    /// <summary>
    /// A header string, or null when the value is not a string or not valid text: JSON parsing leaves escapes
    /// unchecked, and <see cref="JsonElement.GetString"/> throws on a lone surrogate such as <c>"\ud800"</c>.
    /// </summary>
    private static string? Text(JsonElement value)
    {
        if (value.ValueKind != JsonValueKind.String)
        {
            return null;
        }
        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>The payload bytes carried in the JWS (empty when detached).</summary>
    public byte[] Payload => EncodedPayload.Length == 0 ? [] : EncodePayload == false ? Encoding.UTF8.GetBytes(EncodedPayload) : Base64Url.DecodeFromChars(EncodedPayload);
}
