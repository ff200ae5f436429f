using Civitas.Common.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Civitas.Authentication.Persistence;

/// <summary>ID authentication's tables: auth transactions, the replay guard, OTP requests and OTP freezes.</summary>
public abstract class AuthenticationDbContext(DbContextOptions options) : DbContext(options)
{
    public const string Module = "authentication";

    internal DbSet<AuthTransactionRow> Transactions => Set<AuthTransactionRow>();

    internal DbSet<SeenTransactionRow> SeenTransactions => Set<SeenTransactionRow>();

    internal DbSet<OtpRequestRow> OtpRequests => Set<OtpRequestRow>();

    internal DbSet<OtpFailureRow> OtpFailures => Set<OtpFailureRow>();

    internal DbSet<SecretRow> Secrets => Set<SecretRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ArgumentNullException.ThrowIfNull(modelBuilder);
        modelBuilder.Entity<AuthTransactionRow>(row =>
        {
            row.ToTable("authentication_transactions");
            row.HasKey(r => r.Id);
            row.Property(r => r.IndividualHash).HasMaxLength(32);
            row.Property(r => r.IndividualIdType).HasMaxLength(8);
            row.Property(r => r.AuthToken).HasMaxLength(128);
            row.Property(r => r.PartnerId).HasMaxLength(128);
            row.Property(r => r.TransactionId).HasMaxLength(64);
            row.Property(r => r.RequestType).HasMaxLength(32);
            row.Property(r => r.AuthTypes).HasMaxLength(128);
            row.Property(r => r.ErrorCode).HasMaxLength(32);
            row.HasIndex(r => new { r.IndividualHash, r.RequestTimeUtc });
        });
        modelBuilder.Entity<SeenTransactionRow>(row =>
        {
            row.ToTable("authentication_seen_transactions");
            row.HasKey(r => r.Key);
            row.Property(r => r.Key).HasMaxLength(256);
            row.HasIndex(r => r.ExpiresAtUtc);
        });
        modelBuilder.Entity<OtpRequestRow>(row =>
        {
            row.ToTable("authentication_otp_requests");
            row.HasKey(r => r.Id);
            row.Property(r => r.IndividualHash).HasMaxLength(32);
            row.Property(r => r.PartnerId).HasMaxLength(128);
            row.Property(r => r.TransactionId).HasMaxLength(64);
            row.HasIndex(r => new { r.IndividualHash, r.CreatedAtUtc });
        });
        modelBuilder.Entity<OtpFailureRow>(row =>
        {
            row.ToTable("authentication_otp_failures");
            row.HasKey(r => r.IndividualHash);
            row.Property(r => r.IndividualHash).HasMaxLength(32);
        });
        modelBuilder.Entity<SecretRow>(row =>
        {
            row.ToTable("authentication_secrets");
            row.HasKey(r => r.Purpose);
            row.Property(r => r.Purpose).HasMaxLength(32);
        });
    }
}

public sealed class SqliteAuthenticationDbContext(DbContextOptions<SqliteAuthenticationDbContext> options) : AuthenticationDbContext(options);

public sealed class PostgresAuthenticationDbContext(DbContextOptions<PostgresAuthenticationDbContext> options) : AuthenticationDbContext(options);

internal sealed class SqliteAuthenticationDesignFactory() : SqliteDesignTimeFactory<SqliteAuthenticationDbContext>(AuthenticationDbContext.Module);

internal sealed class PostgresAuthenticationDesignFactory() : PostgresDesignTimeFactory<PostgresAuthenticationDbContext>(AuthenticationDbContext.Module);
