using System.Security.Cryptography;
using Civitas.Keys.Stores.Software;

namespace Civitas.Keys.Management;

/// <summary>
/// Base keys are stored encrypted under their master key, as MOSIP does: a fresh AES-256 key wraps the
/// PKCS#8 bytes (alias bound as AAD) and is itself RSA-OAEP-SHA256-encrypted to the master's public key.
/// Layout: <c>rsaOaep(aesKey) (256) ‖ AesGcmWrap blob</c>. Unwrapping needs the master's private key, so
/// in the PKCS#11 store it happens through the token.
/// </summary>
internal static class BaseKeyWrapping
{
    private const int WrappedKeyLength = 256;

    public static byte[] Wrap(RSA masterPublicKey, ReadOnlySpan<byte> pkcs8, string alias)
    {
        var aesKey = RandomNumberGenerator.GetBytes(32);
        try
        {
            var encryptedKey = masterPublicKey.Encrypt(aesKey, RSAEncryptionPadding.OaepSHA256);
            return [.. encryptedKey, .. AesGcmWrap.Wrap(aesKey, pkcs8, alias)];
        }
        finally
        {
            CryptographicOperations.ZeroMemory(aesKey);
        }
    }

    public static byte[] Unwrap(IPrivateKeyHandle master, ReadOnlySpan<byte> wrapped, string alias)
    {
        if (wrapped.Length <= WrappedKeyLength)
        {
            throw new CryptographicException("Wrapped base key is malformed.");
        }
        var aesKey = master.DecryptOaepSha256(wrapped[..WrappedKeyLength]);
        try
        {
            return AesGcmWrap.Unwrap(aesKey, wrapped[WrappedKeyLength..], alias);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(aesKey);
        }
    }
}
