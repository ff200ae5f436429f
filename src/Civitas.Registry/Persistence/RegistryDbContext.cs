using Civitas.Common.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Civitas.Registry.Persistence;

/// <summary>The registry's tables. Nothing in them is readable without the registry's keys (see <c>RegistryKeyRing</c>).</summary>
public abstract class RegistryDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "registry";

    internal DbSet<IdentityRow> Identities => Set<IdentityRow>();

    internal DbSet<VidRow> Vids => Set<VidRow>();

    internal DbSet<AuthLockRow> AuthLocks => Set<AuthLockRow>();

    internal DbSet<DataKeyRow> DataKeys => Set<DataKeyRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<IdentityRow>(row =>
        {
            row.ToTable("registry_identities");
            row.HasKey(r => r.Id);
            row.Property(r => r.UinHash).HasMaxLength(32);
            row.HasIndex(r => r.UinHash).IsUnique();
            row.Property(r => r.Status).HasMaxLength(16);
            row.Property(r => r.PinHash).HasMaxLength(128);
            row.Property(r => r.Version).IsConcurrencyToken();
        });
        modelBuilder.Entity<VidRow>(row =>
        {
            row.ToTable("registry_vids");
            row.HasKey(r => r.VidHash);
            row.Property(r => r.VidHash).HasMaxLength(32);
            row.Property(r => r.VidType).HasMaxLength(32);
            row.HasIndex(r => r.IdentityId);
            row.HasOne<IdentityRow>().WithMany().HasForeignKey(r => r.IdentityId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<AuthLockRow>(row =>
        {
            row.ToTable("registry_auth_locks");
            row.HasKey(r => new { r.IdentityId, r.AuthType });
            row.Property(r => r.AuthType).HasMaxLength(32);
            row.HasOne<IdentityRow>().WithMany().HasForeignKey(r => r.IdentityId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<DataKeyRow>(row =>
        {
            row.ToTable("registry_data_keys");
            row.HasKey(r => r.Purpose);
            row.Property(r => r.Purpose).HasMaxLength(32);
        });
    }
}

public sealed class SqliteRegistryDbContext(DbContextOptions<SqliteRegistryDbContext> options) : RegistryDbContext(options);

public sealed class PostgresRegistryDbContext(DbContextOptions<PostgresRegistryDbContext> options) : RegistryDbContext(options);

internal sealed class SqliteRegistryDesignFactory() : SqliteDesignTimeFactory<SqliteRegistryDbContext>(RegistryDbContext.Module);

internal sealed class PostgresRegistryDesignFactory() : PostgresDesignTimeFactory<PostgresRegistryDbContext>(RegistryDbContext.Module);
