using Microsoft.EntityFrameworkCore;

namespace Civitas.Kernel.Persistence;

/// <summary>
/// The kernel's tables. Table and column names are spelled out in snake case because the hot paths
/// (OTP, UIN, RID) use hand-written SQL that must read the same on SQLite and PostgreSQL. Times that
/// such SQL compares are Unix milliseconds (<c>*_ms</c>): one representation both providers order alike.
/// </summary>
internal abstract class KernelDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "kernel";

    public DbSet<OtpEntry> Otps => Set<OtpEntry>();

    public DbSet<UinEntry> Uins => Set<UinEntry>();

    public DbSet<VidEntry> Vids => Set<VidEntry>();

    public DbSet<RidSequence> RidSequences => Set<RidSequence>();

    public DbSet<LicenseKeyEntry> LicenseKeys => Set<LicenseKeyEntry>();

    public DbSet<LicensePermissionEntry> LicensePermissions => Set<LicensePermissionEntry>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<OtpEntry>(otp =>
        {
            otp.ToTable("kernel_otp");
            otp.HasKey(e => e.KeyHash);
            otp.Property(e => e.KeyHash).HasColumnName("key_hash").HasMaxLength(32);
            otp.Property(e => e.OtpHash).HasColumnName("otp_hash").HasMaxLength(32);
            otp.Property(e => e.ExpiresAtMs).HasColumnName("expires_at_ms");
            otp.Property(e => e.Attempts).HasColumnName("attempts");
            otp.Property(e => e.FrozenUntilMs).HasColumnName("frozen_until_ms");
        });

        modelBuilder.Entity<UinEntry>(uin =>
        {
            uin.ToTable("kernel_uin");
            uin.HasKey(e => e.Uin);
            uin.Property(e => e.Uin).HasColumnName("uin").HasMaxLength(32);
            uin.Property(e => e.Status).HasColumnName("status").HasMaxLength(16);
            uin.Property(e => e.CreatedAtMs).HasColumnName("created_at_ms");
            uin.Property(e => e.UpdatedAtMs).HasColumnName("updated_at_ms");
            // The unused UINs in key order: a claim starts at a random key and walks this index, so its cost does
            // not grow with the UINs already issued (an index on the status alone gave the planner no order to
            // use, and PostgreSQL scanned the table from its start, through every issued UIN; bench/README.md).
            uin.HasIndex(e => e.Uin).HasDatabaseName("ix_kernel_uin_unused").HasFilter("status = 'UNUSED'");
        });

        modelBuilder.Entity<VidEntry>(vid =>
        {
            vid.ToTable("kernel_vid");
            vid.HasKey(e => e.Vid);
            vid.Property(e => e.Vid).HasColumnName("vid").HasMaxLength(32);
            vid.Property(e => e.VidType).HasColumnName("vid_type").HasMaxLength(32);
            vid.Property(e => e.CreatedAtMs).HasColumnName("created_at_ms");
            vid.Property(e => e.ExpiresAtMs).HasColumnName("expires_at_ms");
        });

        modelBuilder.Entity<RidSequence>(rid =>
        {
            rid.ToTable("kernel_rid_sequence");
            rid.HasKey(e => new { e.CenterId, e.MachineId });
            rid.Property(e => e.CenterId).HasColumnName("center_id").HasMaxLength(16);
            rid.Property(e => e.MachineId).HasColumnName("machine_id").HasMaxLength(16);
            rid.Property(e => e.Sequence).HasColumnName("sequence");
        });

        modelBuilder.Entity<LicenseKeyEntry>(license =>
        {
            license.ToTable("kernel_license_key");
            license.HasKey(e => e.LicenseKey);
            license.Property(e => e.LicenseKey).HasColumnName("license_key").HasMaxLength(64);
            license.Property(e => e.TspId).HasColumnName("tsp_id").HasMaxLength(64);
            license.Property(e => e.Status).HasColumnName("status").HasMaxLength(16);
            license.Property(e => e.ExpiresAt).HasColumnName("expires_at");
            license.Property(e => e.CreatedAt).HasColumnName("created_at");
        });

        modelBuilder.Entity<LicensePermissionEntry>(permission =>
        {
            permission.ToTable("kernel_license_permission");
            permission.HasKey(e => new { e.LicenseKey, e.Permission });
            permission.Property(e => e.LicenseKey).HasColumnName("license_key").HasMaxLength(64);
            permission.Property(e => e.Permission).HasColumnName("permission").HasMaxLength(128);
            permission.HasOne<LicenseKeyEntry>().WithMany().HasForeignKey(e => e.LicenseKey).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

internal sealed class SqliteKernelDbContext(DbContextOptions<SqliteKernelDbContext> options) : KernelDbContext(options);

internal sealed class PostgresKernelDbContext(DbContextOptions<PostgresKernelDbContext> options) : KernelDbContext(options);
