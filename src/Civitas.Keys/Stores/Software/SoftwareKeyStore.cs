using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace Civitas.Keys.Stores.Software;

/// <summary>
/// The embedded default store: RSA keys generated in process, persisted only as AES-256-GCM blobs under
/// the key-encryption key, unwrapped into memory on first use and cached for the life of the process.
/// </summary>
internal sealed class SoftwareKeyStore : IKeyStore, IDisposable
{
    private readonly KeyEncryptionKey _kek;
    private readonly IWrappedKeyVault _vault;
    private readonly ConcurrentDictionary<string, RSA> _unwrapped = new(StringComparer.Ordinal);

    public SoftwareKeyStore(KeyEncryptionKey kek, IWrappedKeyVault vault)
    {
        _kek = kek;
        _vault = vault;
    }

    public KeyStoreKind Kind => KeyStoreKind.Software;

    public byte[] GenerateRsaKey(string alias)
    {
        var rsa = RSA.Create(2048);
        var pkcs8 = rsa.ExportPkcs8PrivateKey();
        try
        {
            var publicKey = rsa.ExportSubjectPublicKeyInfo();
            _vault.Save(alias, publicKey, AesGcmWrap.Wrap(_kek.Bytes, pkcs8, alias));
            _unwrapped[alias] = rsa;
            return publicKey;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }
    }

    public byte[]? FindPublicKey(string alias) => _vault.Find(alias)?.PublicKey;

    public byte[] SignSha256Hash(string alias, ReadOnlySpan<byte> sha256Hash, RSASignaturePadding padding) =>
        Key(alias).SignHash(sha256Hash.ToArray(), HashAlgorithmName.SHA256, padding);

    public byte[] DecryptOaepSha256(string alias, ReadOnlySpan<byte> ciphertext) =>
        Key(alias).Decrypt(ciphertext.ToArray(), RSAEncryptionPadding.OaepSHA256);

    public void DeleteKey(string alias)
    {
        _vault.Delete(alias);
        if (_unwrapped.TryRemove(alias, out var rsa))
        {
            rsa.Dispose();
        }
    }

    private RSA Key(string alias)
    {
        if (_unwrapped.TryGetValue(alias, out var cached))
        {
            return cached;
        }
        var entry = _vault.Find(alias) ?? throw new KeyNotFoundException($"No key with alias {alias} in the software store.");
        var pkcs8 = AesGcmWrap.Unwrap(_kek.Bytes, entry.WrappedPrivateKey, alias);
        try
        {
            var rsa = RSA.Create();
            rsa.ImportPkcs8PrivateKey(pkcs8, out _);
            return _unwrapped.GetOrAdd(alias, rsa);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }
    }

    public void Dispose()
    {
        foreach (var rsa in _unwrapped.Values)
        {
            rsa.Dispose();
        }
        _unwrapped.Clear();
    }
}
