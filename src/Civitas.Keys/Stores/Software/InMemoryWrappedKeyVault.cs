using System.Collections.Concurrent;

namespace Civitas.Keys.Stores.Software;

/// <summary>A vault that forgets everything at exit: for tests and benchmarks only.</summary>
internal sealed class InMemoryWrappedKeyVault : IWrappedKeyVault
{
    private readonly ConcurrentDictionary<string, (byte[], byte[])> _entries = new(StringComparer.Ordinal);

    public void Save(string alias, byte[] publicKey, byte[] wrappedPrivateKey) => _entries[alias] = (publicKey, wrappedPrivateKey);

    public (byte[] PublicKey, byte[] WrappedPrivateKey)? Find(string alias) =>
        _entries.TryGetValue(alias, out var entry) ? entry : null;

    public void Delete(string alias) => _entries.TryRemove(alias, out _);
}
