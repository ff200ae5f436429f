using System.Buffers.Text;
using System.Security.Cryptography;
using Civitas.Keys.Encryption;

namespace Civitas.Authentication.Client.Tests;

/// <summary>
/// The receiving side of REFERENCE section 7, written in the test from the reference, not with the SDK's code:
/// RSA-OAEP-SHA256 from .NET and AES-GCM with a 16-byte nonce from the key manager's independent implementation
/// (.NET's own AesGcm takes 12-byte nonces only); both are tied to OpenSSL by <see cref="GcmKnownAnswerTests"/>.
/// </summary>
internal static class ReferenceOpener
{
    /// <summary>base64url(ct ‖ tag ‖ nonce16) under <paramref name="key"/>.</summary>
    public static byte[] OpenAppendedNonce(byte[] key, string base64Url)
    {
        var data = Base64Url.DecodeFromChars(base64Url);
        return AesGcmAnyNonce.Decrypt(key, data.AsSpan(data.Length - 16), data.AsSpan(0, data.Length - 16), []);
    }

    public static string SealAppendedNonce(byte[] key, byte[] plaintext)
    {
        var nonce = RandomNumberGenerator.GetBytes(16);
        return Base64Url.EncodeToString([.. AesGcmAnyNonce.Encrypt(key, nonce, plaintext, []), .. nonce]);
    }

    public static byte[] UnwrapKey(RSA privateKey, string base64Url) =>
        privateKey.Decrypt(Base64Url.DecodeFromChars(base64Url), RSAEncryptionPadding.OaepSHA256);
}
