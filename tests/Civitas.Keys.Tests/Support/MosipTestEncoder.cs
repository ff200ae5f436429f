using System.Security.Cryptography;
using System.Text;

namespace Civitas.Keys.Tests.Support;

/// <summary>
/// A second MOSIP encoder/decoder written in the test from REFERENCE.md §3 directly on RSA and AesGcm
/// (12-byte nonces only, which is what the salt-with-12-bytes and VER_R2 cases use).
/// </summary>
internal static class MosipTestEncoder
{
    private static readonly byte[] Splitter = Encoding.UTF8.GetBytes("#KEY_SPLITTER#");
    private static readonly byte[] Version = Encoding.ASCII.GetBytes("VER_R2");

    /// <summary>VER_R2 form: random 32-byte AAD in front, its first 12 bytes as nonce.</summary>
    public static byte[] EncryptVersioned(RSA publicKey, byte[] certificateDer, byte[] plaintext, bool withThumbprint = true)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var aad = RandomNumberGenerator.GetBytes(32);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[16];
        using (var gcm = new AesGcm(key, 16))
        {
            gcm.Encrypt(aad.AsSpan(0, 12), plaintext, ciphertext, tag, aad);
        }
        byte[] thumbprint = withThumbprint ? SHA256.HashData(certificateDer) : [];
        return [.. Version, .. thumbprint, .. publicKey.Encrypt(key, RSAEncryptionPadding.OaepSHA256), .. Splitter, .. aad, .. ciphertext, .. tag];
    }

    /// <summary>Salt form with a 12-byte salt as nonce: <c>ct ‖ tag</c>, no version header.</summary>
    public static byte[] EncryptWithSalt(RSA publicKey, byte[] certificateDer, byte[] plaintext, byte[] salt12, byte[]? aad)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        var ciphertext = new byte[plaintext.Length];
        var tag = new byte[16];
        using (var gcm = new AesGcm(key, 16))
        {
            gcm.Encrypt(salt12, plaintext, ciphertext, tag, aad);
        }
        return [.. SHA256.HashData(certificateDer), .. publicKey.Encrypt(key, RSAEncryptionPadding.OaepSHA256), .. Splitter, .. ciphertext, .. tag];
    }

    /// <summary>Opens a VER_R2 ciphertext with the test's own private key and reports the thumbprint it carried.</summary>
    public static (byte[] Plaintext, byte[] Thumbprint) DecryptVersioned(RSA privateKey, byte[] combined)
    {
        var split = combined.AsSpan().IndexOf(Splitter);
        Assert.True(split > 0, "no key splitter");
        var keyPart = combined.AsSpan(0, split);
        Assert.True(keyPart.StartsWith(Version), "VER_R2 header missing");
        keyPart = keyPart[Version.Length..];
        Assert.Equal(32 + 256, keyPart.Length);
        var key = privateKey.Decrypt(keyPart[32..].ToArray(), RSAEncryptionPadding.OaepSHA256);
        var dataPart = combined.AsSpan(split + Splitter.Length);
        var aad = dataPart[..32];
        var ciphertext = dataPart[32..^16];
        var plaintext = new byte[ciphertext.Length];
        using var gcm = new AesGcm(key, 16);
        gcm.Decrypt(aad[..12], ciphertext, dataPart[^16..], plaintext, aad);
        return (plaintext, keyPart[..32].ToArray());
    }
}
