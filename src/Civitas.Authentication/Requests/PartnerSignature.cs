using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Civitas.Authentication.Errors;
using Civitas.Keys.Signatures;

namespace Civitas.Authentication.Requests;

/// <summary>
/// Checks the <c>signature</c> header: a compact JWS (detached <c>header..sig</c> or attached) over the exact body
/// bytes, RS256 only, whose <c>x5c</c> leaf is the partner's onboarded certificate (else IDA-MPA-022 when absent,
/// IDA-MPA-021 when another), which is within its validity period (else IDA-MPA-002), and whose signature verifies
/// with it (else IDA-MPA-001).
/// </summary>
internal static class PartnerSignature
{
    public const string HeaderName = "signature";

    public static IdaError? Check(string? header, ReadOnlySpan<byte> body, PartnerCertificate? certificate, DateTime nowUtc)
    {
        if (string.IsNullOrWhiteSpace(header))
        {
            return IdaErrors.MissingInput.With("signature header");
        }
        if (certificate is null)
        {
            // The partner's onboarded certificate is unusable: nothing can verify against it.
            return IdaErrors.SignatureInvalid.With("Partner");
        }
        if (!JwsCompact.TryParse(header, out var jws) || jws.Algorithm != JwsAlgorithms.RS256 || jws.EncodePayload != true)
        {
            return IdaErrors.SignatureInvalid.With("Partner");
        }
        var leaf = LeafCertificate(jws.Header);
        if (leaf is null)
        {
            return IdaErrors.CertificateMissing;
        }
        if (!CryptographicOperations.FixedTimeEquals(leaf, certificate.Der))
        {
            return IdaErrors.CertificateMismatch;
        }
        if (!certificate.IsValidAt(nowUtc))
        {
            // The onboarded certificate has expired (or is not yet valid): its signatures no longer count.
            return IdaErrors.CertificateInvalid;
        }
        if (jws.EncodedPayload.Length > 0 && !AttachedPayloadIs(jws.EncodedPayload, body))
        {
            return IdaErrors.SignatureInvalid.With("Partner");
        }
        return JwsCompact.Verify(jws, certificate.PublicKey, body) ? null : IdaErrors.SignatureInvalid.With("Partner");
    }

    private static byte[]? LeafCertificate(JsonElement header)
    {
        if (!header.TryGetProperty("x5c", out var chain) || chain.ValueKind != JsonValueKind.Array || chain.GetArrayLength() == 0)
        {
            return null;
        }
        if (!JsonFields.TryGetString(chain[0], out var text))
        {
            return null;
        }
        try
        {
            // x5c is standard base64 (RFC 7515 §4.1.6); some clients send base64url: accept both.
            return Base64Url.IsValid(text) && text.AsSpan().IndexOfAny('+', '/') < 0 ? Base64Url.DecodeFromChars(text) : Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            return null;
        }
    }

    private static bool AttachedPayloadIs(string encodedPayload, ReadOnlySpan<byte> body)
    {
        if (!Base64Url.IsValid(encodedPayload))
        {
            return false;
        }
        return Base64Url.DecodeFromChars(encodedPayload).AsSpan().SequenceEqual(body);
    }
}
