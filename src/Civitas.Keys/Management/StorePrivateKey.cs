using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Civitas.Keys.Certificates;
using Civitas.Keys.Stores;

namespace Civitas.Keys.Management;

/// <summary>A key held by the key store (ROOT, master, KERNEL/SIGN): only the digest travels to the store.</summary>
internal sealed class StorePrivateKey : IPrivateKeyHandle
{
    private readonly IKeyStore _store;
    private readonly string _alias;

    public StorePrivateKey(IKeyStore store, string alias)
    {
        _store = store;
        _alias = alias;
    }

    public byte[] DecryptOaepSha256(ReadOnlySpan<byte> ciphertext) => _store.DecryptOaepSha256(_alias, ciphertext);

    public byte[] Sign(ReadOnlySpan<byte> data, string jwsAlgorithm)
    {
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(data, hash);
        return jwsAlgorithm switch
        {
            "RS256" => _store.SignSha256Hash(_alias, hash, RSASignaturePadding.Pkcs1),
            "PS256" => _store.SignSha256Hash(_alias, hash, RSASignaturePadding.Pss),
            _ => throw new KeysException(KeysErrors.SigningNotAllowed),
        };
    }

    public bool Supports(string jwsAlgorithm) => jwsAlgorithm is "RS256" or "PS256";

    public X509SignatureGenerator SignatureGenerator(PublicKey publicKey) => new StoreSignatureGenerator(_store, _alias, publicKey);
}
