using Microsoft.EntityFrameworkCore;

namespace Civitas.Audit.Persistence;

/// <summary>The audit module's tables (prefixed <c>audit_</c>) with plain snake_case columns, which the raw-SQL writers use.</summary>
internal abstract class AuditDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "audit";

    public DbSet<AuditEntryEntity> Entries => Set<AuditEntryEntity>();

    public DbSet<AuditChainHeadEntity> ChainHead => Set<AuditChainHeadEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditEntryEntity>(entity =>
        {
            entity.ToTable("audit_entries");
            entity.HasKey(e => e.Sequence);
            entity.Property(e => e.Sequence).HasColumnName("sequence").ValueGeneratedNever();
            entity.Property(e => e.EventId).HasColumnName("event_id").HasMaxLength(AuditFieldLimits.EventId);
            entity.Property(e => e.EventName).HasColumnName("event_name").HasMaxLength(AuditFieldLimits.EventName);
            entity.Property(e => e.EventType).HasColumnName("event_type").HasMaxLength(AuditFieldLimits.EventType);
            entity.Property(e => e.ActionTime).HasColumnName("action_time");
            entity.Property(e => e.HostName).HasColumnName("host_name").HasMaxLength(AuditFieldLimits.HostName);
            entity.Property(e => e.HostIp).HasColumnName("host_ip").HasMaxLength(AuditFieldLimits.HostIp);
            entity.Property(e => e.ApplicationId).HasColumnName("application_id").HasMaxLength(AuditFieldLimits.ApplicationId);
            entity.Property(e => e.ApplicationName).HasColumnName("application_name").HasMaxLength(AuditFieldLimits.ApplicationName);
            entity.Property(e => e.SessionUserId).HasColumnName("session_user_id").HasMaxLength(AuditFieldLimits.SessionUserId);
            entity.Property(e => e.SessionUserName).HasColumnName("session_user_name").HasMaxLength(AuditFieldLimits.SessionUserName);
            entity.Property(e => e.ReferenceId).HasColumnName("ref_id").HasMaxLength(AuditFieldLimits.ReferenceId);
            entity.Property(e => e.ReferenceIdType).HasColumnName("ref_id_type").HasMaxLength(AuditFieldLimits.ReferenceIdType);
            entity.Property(e => e.CreatedBy).HasColumnName("created_by").HasMaxLength(AuditFieldLimits.CreatedBy);
            entity.Property(e => e.ModuleName).HasColumnName("module_name").HasMaxLength(AuditFieldLimits.ModuleName);
            entity.Property(e => e.ModuleId).HasColumnName("module_id").HasMaxLength(AuditFieldLimits.ModuleId);
            entity.Property(e => e.Description).HasColumnName("description").HasMaxLength(AuditFieldLimits.Description);
            entity.Property(e => e.RecordedAt).HasColumnName("recorded_at");
            entity.Property(e => e.Hash).HasColumnName("hash");
            entity.HasIndex(e => e.ActionTime);
            entity.HasIndex(e => new { e.EventType, e.ActionTime });
            entity.HasIndex(e => e.ReferenceId);
            entity.HasIndex(e => e.SessionUserId);
        });
        modelBuilder.Entity<AuditChainHeadEntity>(entity =>
        {
            entity.ToTable("audit_chain_head");
            entity.HasKey(e => e.Id);
            entity.Property(e => e.Id).HasColumnName("id").ValueGeneratedNever();
            entity.Property(e => e.LastSequence).HasColumnName("last_sequence");
            entity.Property(e => e.LastHash).HasColumnName("last_hash");
            // The chain starts from 32 zero bytes, so the first entry hashes like every other one.
            entity.HasData(new AuditChainHeadEntity { Id = AuditChainHeadEntity.SingletonId, LastSequence = 0, LastHash = new byte[32] });
        });
    }
}

internal sealed class SqliteAuditDbContext(DbContextOptions<SqliteAuditDbContext> options) : AuditDbContext(options);

internal sealed class PostgresAuditDbContext(DbContextOptions<PostgresAuditDbContext> options) : AuditDbContext(options);
