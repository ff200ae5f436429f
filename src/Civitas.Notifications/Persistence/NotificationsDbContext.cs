using Microsoft.EntityFrameworkCore;

namespace Civitas.Notifications.Persistence;

/// <summary>The notification module's table (<c>notify_outbox</c>).</summary>
internal abstract class NotificationsDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "notify";

    public DbSet<OutboxMessageEntity> Outbox => Set<OutboxMessageEntity>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessageEntity>(entity =>
        {
            entity.ToTable("notify_outbox");
            entity.HasKey(e => e.Id);
            entity.Property(e => e.Channel).HasMaxLength(8);
            entity.Property(e => e.RecipientHint).HasMaxLength(256);
            entity.Property(e => e.Status).HasConversion<string>().HasMaxLength(16);
            entity.Property(e => e.LastError).HasMaxLength(512);
            // What the outbox worker asks for: pending messages that are due.
            entity.HasIndex(e => new { e.Status, e.NextAttemptAt });
        });
    }
}

internal sealed class SqliteNotificationsDbContext(DbContextOptions<SqliteNotificationsDbContext> options) : NotificationsDbContext(options);

internal sealed class PostgresNotificationsDbContext(DbContextOptions<PostgresNotificationsDbContext> options) : NotificationsDbContext(options);
