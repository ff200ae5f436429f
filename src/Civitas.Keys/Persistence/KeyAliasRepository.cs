using Microsoft.EntityFrameworkCore;

namespace Civitas.Keys.Persistence;

/// <summary>Reads and writes <c>keys_key_alias</c>.</summary>
internal sealed class KeyAliasRepository
{
    private readonly KeysDatabase _database;

    public KeyAliasRepository(KeysDatabase database) => _database = database;

    public List<KeyAliasEntity> ForKey(string applicationId, string referenceId) => _database.Use(db =>
        db.KeyAliases.AsNoTracking()
            .Where(k => k.ApplicationId == applicationId && k.ReferenceId == referenceId)
            .ToList()
            .OrderByDescending(k => k.GeneratedAtUtc)
            .ToList());

    public KeyAliasEntity? ByAlias(string alias) => _database.Use(db => db.KeyAliases.AsNoTracking().FirstOrDefault(k => k.Alias == alias));

    public List<KeyAliasEntity> ByThumbprint(string thumbprintHex) => _database.Use(db =>
        db.KeyAliases.AsNoTracking().Where(k => k.Thumbprint == thumbprintHex).ToList());

    public List<KeyAliasEntity> All(string? applicationId) => _database.Use(db =>
        db.KeyAliases.AsNoTracking()
            .Where(k => applicationId == null || k.ApplicationId == applicationId)
            .ToList()
            .OrderBy(k => k.ApplicationId, StringComparer.Ordinal)
            .ThenBy(k => k.ReferenceId, StringComparer.Ordinal)
            .ThenBy(k => k.GeneratedAtUtc)
            .ToList());

    public void Add(KeyAliasEntity entity) => _database.Use(db =>
    {
        db.KeyAliases.Add(entity);
        return db.SaveChanges();
    });

    public void Update(KeyAliasEntity entity) => _database.Use(db =>
    {
        db.KeyAliases.Update(entity);
        return db.SaveChanges();
    });
}
