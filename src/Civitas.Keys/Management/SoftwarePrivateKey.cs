using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Civitas.Keys.Management;

/// <summary>An unwrapped base key (RSA or EC P-256) held in process memory.</summary>
internal sealed class SoftwarePrivateKey : IPrivateKeyHandle, IDisposable
{
    private readonly AsymmetricAlgorithm _key;

    public SoftwarePrivateKey(AsymmetricAlgorithm key) => _key = key;

    public byte[] DecryptOaepSha256(ReadOnlySpan<byte> ciphertext) => _key is RSA rsa
        ? rsa.Decrypt(ciphertext, RSAEncryptionPadding.OaepSHA256)
        : throw new KeysException(KeysErrors.SymmetricKeyDecryptionFailed);

    public byte[] Sign(ReadOnlySpan<byte> data, string jwsAlgorithm) => (jwsAlgorithm, _key) switch
    {
        ("RS256", RSA rsa) => rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1),
        ("PS256", RSA rsa) => rsa.SignData(data, HashAlgorithmName.SHA256, RSASignaturePadding.Pss),
        // JWS wants the raw r‖s form, not DER.
        ("ES256", ECDsa ec) => ec.SignData(data, HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation),
        _ => throw new KeysException(KeysErrors.SigningNotAllowed),
    };

    public bool Supports(string jwsAlgorithm) => (jwsAlgorithm, _key) is ("RS256" or "PS256", RSA) or ("ES256", ECDsa);

    public X509SignatureGenerator SignatureGenerator(PublicKey publicKey) => _key switch
    {
        RSA rsa => X509SignatureGenerator.CreateForRSA(rsa, RSASignaturePadding.Pkcs1),
        ECDsa ec => X509SignatureGenerator.CreateForECDsa(ec),
        _ => throw new KeysException(KeysErrors.SigningNotAllowed),
    };

    public void Dispose() => _key.Dispose();
}
