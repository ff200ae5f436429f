using Microsoft.EntityFrameworkCore;
using OpenIddict.EntityFrameworkCore.Models;

namespace Civitas.Access.Persistence;

/// <summary>The access module's tables: OpenIddict's applications (service clients) and scopes.</summary>
public abstract class AccessDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "access";

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        base.OnModelCreating(modelBuilder);
        // OpenIddict's customizer maps its entities first; here they get the module's table prefix.
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreApplication>().ToTable("access_applications");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreAuthorization>().ToTable("access_authorizations");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreScope>().ToTable("access_scopes");
        modelBuilder.Entity<OpenIddictEntityFrameworkCoreToken>().ToTable("access_tokens");
    }
}

public sealed class SqliteAccessDbContext(DbContextOptions<SqliteAccessDbContext> options) : AccessDbContext(options);

public sealed class PostgresAccessDbContext(DbContextOptions<PostgresAccessDbContext> options) : AccessDbContext(options);
