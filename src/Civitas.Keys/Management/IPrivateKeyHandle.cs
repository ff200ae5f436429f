using System.Security.Cryptography.X509Certificates;

namespace Civitas.Keys.Management;

/// <summary>Private-key operations on one key, wherever it lives; the key bytes themselves are never exposed.</summary>
internal interface IPrivateKeyHandle
{
    /// <summary>RSA-OAEP-SHA256 decryption; throws <see cref="System.Security.Cryptography.CryptographicException"/> when it does not open.</summary>
    byte[] DecryptOaepSha256(ReadOnlySpan<byte> ciphertext);

    /// <summary>Signs <paramref name="data"/> (SHA-256) with the JWS algorithm named: RS256, PS256 or ES256.</summary>
    byte[] Sign(ReadOnlySpan<byte> data, string jwsAlgorithm);

    bool Supports(string jwsAlgorithm);

    /// <summary>A signer for <see cref="CertificateRequest"/> (certificates this key issues, CSRs for this key).</summary>
    X509SignatureGenerator SignatureGenerator(PublicKey publicKey);
}
