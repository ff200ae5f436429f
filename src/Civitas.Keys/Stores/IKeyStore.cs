using System.Security.Cryptography;

namespace Civitas.Keys.Stores;

/// <summary>
/// Holds the keys that must never leave their store in clear: ROOT, the per-application master keys
/// and <c>KERNEL/SIGN</c>. Callers get public keys and private-key operations, never private key bytes.
/// Implementations: software (KEK-wrapped in the database) and PKCS#11 (inside the token).
/// </summary>
public interface IKeyStore
{
    KeyStoreKind Kind { get; }

    /// <summary>Generates an RSA-2048 key pair under <paramref name="alias"/>; returns the DER SubjectPublicKeyInfo.</summary>
    byte[] GenerateRsaKey(string alias);

    /// <summary>The DER SubjectPublicKeyInfo of <paramref name="alias"/>, or null when the store has no such key.</summary>
    byte[]? FindPublicKey(string alias);

    /// <summary>Signs a SHA-256 digest with PKCS#1 v1.5 or PSS (salt length 32, MGF1-SHA-256).</summary>
    byte[] SignSha256Hash(string alias, ReadOnlySpan<byte> sha256Hash, RSASignaturePadding padding);

    /// <summary>RSA-OAEP with SHA-256 and MGF1-SHA-256; throws <see cref="CryptographicException"/> when the ciphertext does not open.</summary>
    byte[] DecryptOaepSha256(string alias, ReadOnlySpan<byte> ciphertext);

    void DeleteKey(string alias);
}
