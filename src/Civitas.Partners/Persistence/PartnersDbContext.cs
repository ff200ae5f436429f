using Civitas.Common.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Civitas.Partners.Persistence;

/// <summary>MISPs, policies and partners. Secrets (licence and API keys) appear only as hashes.</summary>
public abstract class PartnersDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "partners";

    internal DbSet<MispRow> Misps => Set<MispRow>();

    internal DbSet<PolicyRow> Policies => Set<PolicyRow>();

    internal DbSet<PartnerRow> Partners => Set<PartnerRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<MispRow>(row =>
        {
            row.ToTable("partners_misps");
            row.HasKey(r => r.Id);
            row.Property(r => r.Id).HasMaxLength(64);
            row.Property(r => r.Name).HasMaxLength(128);
            row.Property(r => r.LicenseKeyHash).HasMaxLength(32);
            row.HasIndex(r => r.LicenseKeyHash).IsUnique();
        });
        modelBuilder.Entity<PolicyRow>(row =>
        {
            row.ToTable("partners_policies");
            row.HasKey(r => r.Id);
            row.Property(r => r.Id).HasMaxLength(64);
            row.Property(r => r.Name).HasMaxLength(128);
            row.Property(r => r.Status).HasMaxLength(16);
            row.Property(r => r.AllowedAuthTypes).HasMaxLength(512);
            row.Property(r => r.MandatoryAuthTypes).HasMaxLength(512);
            row.Property(r => r.AllowedKycAttributes).HasMaxLength(512);
            row.Property(r => r.AuthTokenType).HasMaxLength(16);
        });
        modelBuilder.Entity<PartnerRow>(row =>
        {
            row.ToTable("partners_partners");
            row.HasKey(r => r.Id);
            row.Property(r => r.Id).HasMaxLength(64);
            row.Property(r => r.Name).HasMaxLength(128);
            row.Property(r => r.Kind).HasMaxLength(8);
            row.Property(r => r.MispId).HasMaxLength(64);
            row.Property(r => r.PolicyId).HasMaxLength(64);
            row.Property(r => r.Status).HasMaxLength(16);
            row.Property(r => r.ApiKeyHash).HasMaxLength(32);
            row.Property(r => r.CertificateThumbprint).HasMaxLength(64);
            row.HasIndex(r => r.CertificateThumbprint).IsUnique();
            row.Property(r => r.TrustCertificateId).HasMaxLength(64);
            row.HasIndex(r => r.MispId);
            row.HasOne<MispRow>().WithMany().HasForeignKey(r => r.MispId).OnDelete(DeleteBehavior.Restrict);
            row.HasOne<PolicyRow>().WithMany().HasForeignKey(r => r.PolicyId).IsRequired(false).OnDelete(DeleteBehavior.SetNull);
        });
    }
}

public sealed class SqlitePartnersDbContext(DbContextOptions<SqlitePartnersDbContext> options) : PartnersDbContext(options);

public sealed class PostgresPartnersDbContext(DbContextOptions<PostgresPartnersDbContext> options) : PartnersDbContext(options);

internal sealed class SqlitePartnersDesignFactory() : SqliteDesignTimeFactory<SqlitePartnersDbContext>(PartnersDbContext.Module);

internal sealed class PostgresPartnersDesignFactory() : PostgresDesignTimeFactory<PostgresPartnersDbContext>(PartnersDbContext.Module);
