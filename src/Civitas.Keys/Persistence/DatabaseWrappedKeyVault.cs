using Civitas.Keys.Stores.Software;

namespace Civitas.Keys.Persistence;

/// <summary>Software-store keys in <c>keys_stored_key</c>, so every node on the same database sees them.</summary>
internal sealed class DatabaseWrappedKeyVault : IWrappedKeyVault
{
    private readonly KeysDatabase _database;

    public DatabaseWrappedKeyVault(KeysDatabase database) => _database = database;

    public void Save(string alias, byte[] publicKey, byte[] wrappedPrivateKey) => _database.Use(db =>
    {
        db.StoredKeys.Add(new StoredKeyEntity { Alias = alias, PublicKey = publicKey, WrappedPrivateKey = wrappedPrivateKey });
        return db.SaveChanges();
    });

    public (byte[] PublicKey, byte[] WrappedPrivateKey)? Find(string alias) => _database.Use(db =>
    {
        var entity = db.StoredKeys.Find(alias);
        return entity is null ? ((byte[], byte[])?)null : (entity.PublicKey, entity.WrappedPrivateKey);
    });

    public void Delete(string alias) => _database.Use(db =>
    {
        var entity = db.StoredKeys.Find(alias);
        if (entity is not null)
        {
            db.StoredKeys.Remove(entity);
        }
        return db.SaveChanges();
    });
}
