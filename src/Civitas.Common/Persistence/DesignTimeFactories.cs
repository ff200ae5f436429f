using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace Civitas.Common.Persistence;

/// <summary>
/// Lets <c>dotnet ef migrations add</c> build a module's SQLite context without the host. A module declares
/// <c>internal sealed class SqliteXxxDesignFactory() : SqliteDesignTimeFactory&lt;SqliteXxxDbContext&gt;("xxx");</c>
/// and overrides <see cref="Configure"/> if its context needs more options.
/// </summary>
public abstract class SqliteDesignTimeFactory<TContext>(string module) : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args) =>
        DesignTime.Create<TContext>(new DatabaseSettings(DatabaseProvider.Sqlite, "Data Source=design-time.db"), module, Configure);

    protected virtual void Configure(DbContextOptionsBuilder builder)
    {
    }
}

/// <summary>The PostgreSQL counterpart of <see cref="SqliteDesignTimeFactory{TContext}"/>; no server is contacted.</summary>
public abstract class PostgresDesignTimeFactory<TContext>(string module) : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args) =>
        DesignTime.Create<TContext>(new DatabaseSettings(DatabaseProvider.PostgreSql, "Host=localhost;Database=civitas_design"), module, Configure);

    protected virtual void Configure(DbContextOptionsBuilder builder)
    {
    }
}

internal static class DesignTime
{
    public static TContext Create<TContext>(DatabaseSettings settings, string module, Action<DbContextOptionsBuilder> configure)
        where TContext : DbContext
    {
        var builder = new DbContextOptionsBuilder<TContext>();
        builder.UseCivitasDatabase(settings, module);
        configure(builder);
        return (TContext)Activator.CreateInstance(typeof(TContext), builder.Options)!;
    }
}
