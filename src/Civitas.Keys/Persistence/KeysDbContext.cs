using Microsoft.EntityFrameworkCore;

namespace Civitas.Keys.Persistence;

/// <summary>The key module's tables (all prefixed <c>keys_</c>); one derived context per database engine carries its migrations.</summary>
public abstract class KeysDbContext : DbContext
{
    protected KeysDbContext(DbContextOptions options)
        : base(options)
    {
    }

    internal DbSet<KeyAliasEntity> KeyAliases => Set<KeyAliasEntity>();

    internal DbSet<StoredKeyEntity> StoredKeys => Set<StoredKeyEntity>();

    internal DbSet<TrustCertificateEntity> TrustCertificates => Set<TrustCertificateEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<KeyAliasEntity>(entity =>
        {
            entity.ToTable("keys_key_alias");
            entity.HasKey(e => e.Alias);
            entity.Property(e => e.Alias).HasMaxLength(64);
            entity.Property(e => e.ApplicationId).HasMaxLength(64);
            entity.Property(e => e.ReferenceId).HasMaxLength(128);
            entity.Property(e => e.Role).HasConversion<string>().HasMaxLength(16);
            entity.Property(e => e.Algorithm).HasMaxLength(16);
            entity.Property(e => e.Thumbprint).HasMaxLength(64);
            entity.Property(e => e.PrivateKeyLocation).HasMaxLength(16);
            entity.Property(e => e.WrappedBy).HasMaxLength(64);
            entity.Property(e => e.UniqueIdentifier).HasMaxLength(64);
            entity.HasIndex(e => new { e.ApplicationId, e.ReferenceId });
            entity.HasIndex(e => e.Thumbprint);
        });
        modelBuilder.Entity<StoredKeyEntity>(entity =>
        {
            entity.ToTable("keys_stored_key");
            entity.HasKey(e => e.Alias);
            entity.Property(e => e.Alias).HasMaxLength(64);
        });
        modelBuilder.Entity<TrustCertificateEntity>(entity =>
        {
            entity.ToTable("keys_trust_certificate");
            entity.HasKey(e => e.CertificateId);
            entity.Property(e => e.CertificateId).HasMaxLength(64);
            entity.Property(e => e.Kind).HasMaxLength(16);
            entity.Property(e => e.PartnerDomain).HasMaxLength(64);
            entity.Property(e => e.Thumbprint).HasMaxLength(64);
            entity.HasIndex(e => e.Thumbprint).IsUnique();
        });
    }
}

public sealed class SqliteKeysDbContext : KeysDbContext
{
    public SqliteKeysDbContext(DbContextOptions<SqliteKeysDbContext> options)
        : base(options)
    {
    }
}

public sealed class PostgresKeysDbContext : KeysDbContext
{
    public PostgresKeysDbContext(DbContextOptions<PostgresKeysDbContext> options)
        : base(options)
    {
    }
}
