using System.Security.Cryptography;
using Civitas.Authentication.Errors;
using Civitas.Keys;
using Civitas.Keys.Encryption;

namespace Civitas.Authentication.Requests;

/// <summary>
/// Opens the encrypted <c>request</c> (REFERENCE §7): <c>thumbprint</c> (SHA-256 of the IDA certificate, hex or
/// base64url) picks the key that unwraps <c>requestSessionKey</c> (RSA-OAEP-SHA256); <c>request</c> is
/// base64url(AES-GCM ciphertext ‖ tag ‖ 16-byte nonce); <c>requestHMAC</c> is the same encryption of the upper-case
/// hex SHA-256 of the plaintext, compared in constant time. Any failure to open is IDA-MPA-003, a wrong HMAC IDA-MPA-016.
/// </summary>
internal sealed class RequestDecryptor(ICryptoService crypto)
{
    private const int NonceLength = 16;

    public byte[]? Decrypt(IdaRequest request, string referenceId, out IdaError? error)
    {
        error = null;
        if (!TryDecodeThumbprint(request.Thumbprint, out var thumbprint))
        {
            error = IdaErrors.InvalidInput.With("thumbprint");
            return null;
        }
        if (!Base64Input.TryDecode(request.RequestSessionKey, out var wrappedKey)
            || !Base64Input.TryDecode(request.Request, out var sealedRequest)
            || !Base64Input.TryDecode(request.RequestHmac, out var sealedHmac))
        {
            error = IdaErrors.DecryptionFailed;
            return null;
        }

        byte[] key;
        try
        {
            key = crypto.UnwrapSessionKey(Partners.IdaKeys.ApplicationId, referenceId, thumbprint, wrappedKey);
        }
        catch (Exception ex) when (ex is KeysException or CryptographicException or ArgumentException)
        {
            error = IdaErrors.DecryptionFailed;
            return null;
        }
        try
        {
            if (key.Length is not (16 or 24 or 32))
            {
                error = IdaErrors.DecryptionFailed;
                return null;
            }
            var plaintext = Open(key, sealedRequest);
            if (plaintext is null)
            {
                error = IdaErrors.DecryptionFailed;
                return null;
            }
            var hmac = Open(key, sealedHmac);
            Span<byte> expected = stackalloc byte[64];
            HexUpper(SHA256.HashData(plaintext), expected);
            if (hmac is null || !CryptographicOperations.FixedTimeEquals(hmac, expected))
            {
                error = IdaErrors.HmacInvalid;
                return null;
            }
            return plaintext;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>Opens <c>ciphertext ‖ tag ‖ nonce(16)</c>; null when it does not authenticate.</summary>
    internal static byte[]? Open(byte[] key, byte[] sealedData)
    {
        if (sealedData.Length < NonceLength + AesGcmAnyNonce.TagSize)
        {
            return null;
        }
        try
        {
            return AesGcmAnyNonce.Decrypt(key, sealedData.AsSpan(sealedData.Length - NonceLength), sealedData.AsSpan(0, sealedData.Length - NonceLength), default);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }

    /// <summary>Seals as <see cref="Open"/> expects, with a fresh random nonce (eKYC answers use the same layout).</summary>
    internal static byte[] Seal(byte[] key, ReadOnlySpan<byte> plaintext)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceLength);
        var sealedData = AesGcmAnyNonce.Encrypt(key, nonce, plaintext, default);
        return [.. sealedData, .. nonce];
    }

    internal static bool TryDecodeThumbprint(string? text, out byte[] thumbprint)
    {
        thumbprint = [];
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var trimmed = text.Trim();
        if (trimmed.Length == 64)
        {
            try
            {
                thumbprint = Convert.FromHexString(trimmed);
                return true;
            }
            catch (FormatException)
            {
                // Not hex: 64 characters can also be padded base64, tried below.
            }
        }
        return Base64Input.TryDecode(trimmed, out thumbprint) && thumbprint.Length == 32;
    }

    private static void HexUpper(ReadOnlySpan<byte> bytes, Span<byte> destination)
    {
        const string Digits = "0123456789ABCDEF";
        for (var i = 0; i < bytes.Length; i++)
        {
            destination[2 * i] = (byte)Digits[bytes[i] >> 4];
            destination[(2 * i) + 1] = (byte)Digits[bytes[i] & 0xF];
        }
    }
}
