using Civitas.Common.Persistence;
using Civitas.Keys.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Civitas.Keys.Tests.Support;

/// <summary>A real SQLite file migrated with the module's migrations; two instances on one file act like two nodes.</summary>
internal sealed class SqliteKeysDatabase : IDbContextFactory<KeysDbContext>
{
    private readonly DbContextOptions<SqliteKeysDbContext> _options;

    public SqliteKeysDatabase(string file)
    {
        var builder = new DbContextOptionsBuilder<SqliteKeysDbContext>();
        builder.UseCivitasDatabase(new DatabaseSettings(DatabaseProvider.Sqlite, $"Data Source={file}"), "keys");
        _options = builder.Options;
        using var context = CreateDbContext();
        context.Database.Migrate();
    }

    public KeysDbContext CreateDbContext() => new SqliteKeysDbContext(_options);

    public KeysDatabase Database => new(this);
}
