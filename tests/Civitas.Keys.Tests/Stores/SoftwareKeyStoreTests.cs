using System.Security.Cryptography;
using Civitas.Keys.Stores;
using Civitas.Keys.Stores.Software;

namespace Civitas.Keys.Tests.Stores;

public sealed class SoftwareKeyStoreTests : KeyStoreContract, IDisposable
{
    private readonly InMemoryWrappedKeyVault _vault = new();
    private readonly byte[] _kek = RandomNumberGenerator.GetBytes(32);
    private readonly SoftwareKeyStore _store;

    public SoftwareKeyStoreTests() => _store = new SoftwareKeyStore(KeyEncryptionKey.FromBytes(_kek), _vault);

    internal override IKeyStore Store => _store;

    [Fact]
    public void Private_key_is_stored_only_wrapped_and_a_fresh_store_with_the_same_kek_uses_it()
    {
        var alias = "wrapped-" + Guid.NewGuid();
        using var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(_store.GenerateRsaKey(alias), out _);
        var stored = _vault.Find(alias)!.Value.WrappedPrivateKey;

        // The blob is not a PKCS#8 key: importing it fails.
        using var probe = RSA.Create();
        Assert.ThrowsAny<CryptographicException>(() => probe.ImportPkcs8PrivateKey(stored, out _));

        using var restarted = new SoftwareKeyStore(KeyEncryptionKey.FromBytes(_kek), _vault);
        var signature = restarted.SignSha256Hash(alias, SHA256.HashData("x"u8), RSASignaturePadding.Pkcs1);
        Assert.True(rsa.VerifyData("x"u8.ToArray(), signature, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));

        using var wrongKek = new SoftwareKeyStore(KeyEncryptionKey.FromBytes(RandomNumberGenerator.GetBytes(32)), _vault);
        Assert.ThrowsAny<CryptographicException>(() => wrongKek.SignSha256Hash(alias, new byte[32], RSASignaturePadding.Pkcs1));
    }

    [Fact]
    public void Kek_file_is_created_owner_only_and_reused()
    {
        using var directory = new Support.TempDirectory();
        var keysDirectory = Path.Combine(directory.Path, "keys");
        using var first = KeyEncryptionKey.Load(null, keysDirectory);
        var file = Path.Combine(keysDirectory, KeyEncryptionKey.FileName);
        Assert.True(File.Exists(file));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }
        using var second = KeyEncryptionKey.Load(null, keysDirectory);
        Assert.True(first.Bytes.SequenceEqual(second.Bytes));

        using var configured = KeyEncryptionKey.Load(Convert.ToBase64String(_kek), keysDirectory);
        Assert.True(configured.Bytes.SequenceEqual(_kek));
        Assert.Throws<InvalidOperationException>(() => KeyEncryptionKey.Load("not base64!", keysDirectory));
        Assert.Throws<InvalidOperationException>(() => KeyEncryptionKey.Load(Convert.ToBase64String(new byte[16]), keysDirectory));
    }

    public void Dispose() => _store.Dispose();
}
