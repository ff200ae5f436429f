using System.Security.Cryptography;
using System.Text;

namespace Civitas.Keys.Stores.Software;

/// <summary>
/// AES-256-GCM wrapping of private key bytes: <c>version(1) ‖ nonce(12) ‖ ciphertext ‖ tag(16)</c>.
/// The alias is bound as associated data so a wrapped key cannot be swapped onto another alias.
/// </summary>
internal static class AesGcmWrap
{
    private const byte Version = 1;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public static byte[] Wrap(ReadOnlySpan<byte> key, ReadOnlySpan<byte> plaintext, string alias)
    {
        var output = new byte[1 + NonceSize + plaintext.Length + TagSize];
        output[0] = Version;
        var nonce = output.AsSpan(1, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var gcm = new AesGcm(key, TagSize);
        gcm.Encrypt(nonce, plaintext, output.AsSpan(1 + NonceSize, plaintext.Length), output.AsSpan(output.Length - TagSize), Aad(alias));
        return output;
    }

    /// <summary>Returns the plaintext; throws <see cref="CryptographicException"/> for a wrong key, alias or tampered blob.</summary>
    public static byte[] Unwrap(ReadOnlySpan<byte> key, ReadOnlySpan<byte> wrapped, string alias)
    {
        if (wrapped.Length < 1 + NonceSize + TagSize || wrapped[0] != Version)
        {
            throw new CryptographicException("Wrapped key blob is malformed.");
        }
        var ciphertext = wrapped[(1 + NonceSize)..^TagSize];
        var plaintext = new byte[ciphertext.Length];
        using var gcm = new AesGcm(key, TagSize);
        gcm.Decrypt(wrapped.Slice(1, NonceSize), ciphertext, wrapped[^TagSize..], plaintext, Aad(alias));
        return plaintext;
    }

    private static byte[] Aad(string alias) => Encoding.UTF8.GetBytes("civitas-keys:" + alias);
}
