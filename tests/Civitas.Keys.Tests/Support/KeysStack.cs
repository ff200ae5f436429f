using Civitas.Keys.Encryption;
using Civitas.Keys.Management;
using Civitas.Keys.Persistence;
using Civitas.Keys.Policy;
using Civitas.Keys.Signatures;
using Civitas.Keys.Stores;
using Civitas.Keys.Stores.Software;
using Civitas.Keys.Trust;

namespace Civitas.Keys.Tests.Support;

public enum StoreKind
{
    Software,
    SoftHsm,
}

/// <summary>The key services wired as the module wires them, over a SQLite file and the chosen store.</summary>
internal sealed class KeysStack : IDisposable
{
    private readonly SoftwareKeyStore? _ownedStore;

    public KeysStack(StoreKind kind, string databaseFile, byte[] kek, TimeProvider? clock = null, KeysOptions? options = null)
    {
        Clock = clock ?? TimeProvider.System;
        Options = options ?? new KeysOptions();
        var database = new SqliteKeysDatabase(databaseFile).Database;
        if (kind == StoreKind.Software)
        {
            _ownedStore = new SoftwareKeyStore(KeyEncryptionKey.FromBytes(kek), new DatabaseWrappedKeyVault(database));
            Store = _ownedStore;
        }
        else
        {
            Store = SoftHsm.Store;
        }
        Keys = new KeyManager(Store, new KeyAliasRepository(database), new KeyPolicyCatalog(PolicyOverrides(Options)), Options, Clock);
        Crypto = new CryptoService(Keys, Clock);
        Trust = new PartnerTrustStore(new TrustStoreRepository(database), Keys, Clock);
        Signatures = new SignatureService(Keys, Trust);
    }

    public TimeProvider Clock { get; }

    public KeysOptions Options { get; }

    public IKeyStore Store { get; }

    public KeyManager Keys { get; }

    public CryptoService Crypto { get; }

    public PartnerTrustStore Trust { get; }

    public SignatureService Signatures { get; }

    private static IEnumerable<KeyPolicy> PolicyOverrides(KeysOptions options) =>
        options.Policies.Select(p => new KeyPolicy(p.Key, p.Value.ValidityDays, p.Value.PreExpireDays));

    public void Dispose()
    {
        Keys.Dispose();
        _ownedStore?.Dispose();
    }
}
