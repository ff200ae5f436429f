namespace Civitas.Keys.Stores.Software;

/// <summary>Where the software store persists its KEK-wrapped private keys (the database in the host, memory in tests).</summary>
internal interface IWrappedKeyVault
{
    void Save(string alias, byte[] publicKey, byte[] wrappedPrivateKey);

    (byte[] PublicKey, byte[] WrappedPrivateKey)? Find(string alias);

    void Delete(string alias);
}
