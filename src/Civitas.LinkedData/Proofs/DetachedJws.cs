using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Civitas.LinkedData.Proofs;

/// <summary>
/// Detached JWS with unencoded payload (RFC 7797: <c>b64:false</c>, <c>crit:["b64"]</c>), the form RsaSignature2018
/// uses: <c>header..signature</c>, signed over ASCII(BASE64URL(header) ‖ '.') ‖ payload bytes.
/// </summary>
internal static class DetachedJws
{
    public static string Sign(ReadOnlySpan<byte> payload, RSA rsa, string? keyId)
    {
        var header = keyId is null
            ? """{"alg":"PS256","b64":false,"crit":["b64"]}"""
            : """{"alg":"PS256","b64":false,"crit":["b64"],"kid":""" + JsonSerializer.Serialize(keyId) + "}";
        var encodedHeader = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header));
        var signature = rsa.SignData(SigningInput(encodedHeader, payload), HashAlgorithmName.SHA256, RSASignaturePadding.Pss);
        return encodedHeader + ".." + Base64Url.EncodeToString(signature);
    }

    /// <summary>Checks the JWS; returns null when valid, otherwise why not. The signing input uses the header bytes as received.</summary>
    public static string? Verify(string jws, ReadOnlySpan<byte> payload, RSA rsa)
    {
        var parts = jws.Split('.');
        if (parts.Length != 3 || parts[1].Length != 0)
        {
            return "jws is not a detached JWS (header..signature)";
        }

        RSASignaturePadding padding;
        try
        {
            using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
            var root = header.RootElement;
            var alg = root.TryGetProperty("alg", out var a) ? a.GetString() : null;
            padding = alg switch
            {
                "PS256" => RSASignaturePadding.Pss,
                "RS256" => RSASignaturePadding.Pkcs1,
                _ => throw new FormatException($"unsupported alg {alg}"),
            };
            if (!root.TryGetProperty("b64", out var b64) || b64.ValueKind != JsonValueKind.False ||
                !root.TryGetProperty("crit", out var crit) || crit.ValueKind != JsonValueKind.Array ||
                crit.GetArrayLength() != 1 || crit[0].GetString() != "b64")
            {
                return "JWS header must have b64:false and crit:[\"b64\"]";
            }
        }
        catch (Exception ex) when (ex is FormatException or JsonException or InvalidOperationException)
        {
            return "JWS header is invalid: " + ex.Message;
        }

        byte[] signature;
        try
        {
            signature = Base64Url.DecodeFromChars(parts[2]);
        }
        catch (FormatException)
        {
            return "JWS signature is not base64url";
        }

        return rsa.VerifyData(SigningInput(parts[0], payload), signature, HashAlgorithmName.SHA256, padding)
            ? null
            : "signature does not match";
    }

    private static byte[] SigningInput(string encodedHeader, ReadOnlySpan<byte> payload)
    {
        var input = new byte[encodedHeader.Length + 1 + payload.Length];
        Encoding.ASCII.GetBytes(encodedHeader, input);
        input[encodedHeader.Length] = (byte)'.';
        payload.CopyTo(input.AsSpan(encodedHeader.Length + 1));
        return input;
    }
}
