namespace Civitas.Keys.Encryption;

/// <summary>MOSIP hybrid encryption (RSA-OAEP-SHA256 + AES-256-GCM) for other modules; results are raw bytes, callers choose the text encoding.</summary>
public interface ICryptoService
{
    /// <summary>Encrypts to the current key of (application, reference). <paramref name="salt"/> becomes the GCM nonce when given.</summary>
    byte[] Encrypt(string applicationId, string? referenceId, ReadOnlySpan<byte> data, byte[]? salt = null, byte[]? aad = null);

    /// <summary>
    /// Opens a MOSIP ciphertext. With a thumbprint the key is found by it (even if expired); without one,
    /// the keys of (application, reference) valid at <paramref name="timestamp"/> are tried.
    /// Throws <see cref="KeysException"/> with the MOSIP code when it cannot.
    /// </summary>
    byte[] Decrypt(string applicationId, string? referenceId, ReadOnlySpan<byte> data, byte[]? salt = null, byte[]? aad = null, DateTime? timestamp = null);

    /// <summary>
    /// Unwraps a symmetric key that a partner encrypted with RSA-OAEP-SHA256 to the certificate whose SHA-256
    /// thumbprint is <paramref name="thumbprint"/> (ID authentication's <c>requestSessionKey</c>). The key must
    /// belong to (application, reference); an expired key still unwraps. Throws <see cref="KeysException"/> when it cannot.
    /// </summary>
    byte[] UnwrapSessionKey(string applicationId, string? referenceId, ReadOnlySpan<byte> thumbprint, ReadOnlySpan<byte> encryptedKey);
}
