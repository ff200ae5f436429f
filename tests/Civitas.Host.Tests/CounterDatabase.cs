using Civitas.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Civitas.Host.Tests;

/// <summary>
/// A one-table database (<c>counters</c>: key, value) on the database under test, SQLite file or PostgreSQL, for the
/// tests of the hand-written hot-path statements in <c>Civitas.Common.Persistence</c>.
/// </summary>
public sealed class CounterDatabase : IAsyncDisposable
{
    private readonly string _directory;
    private readonly TestDatabase _database;

    private CounterDatabase(string directory, TestDatabase database, IDbContextFactory<CounterContext> contexts)
    {
        _directory = directory;
        _database = database;
        Contexts = contexts;
    }

    public IDbContextFactory<CounterContext> Contexts { get; }

    public bool IsPostgres => _database.IsPostgres;

    public static async Task<CounterDatabase> CreateAsync()
    {
        var directory = Directory.CreateTempSubdirectory("civitas-statement-").FullName;
        var database = await TestDatabase.CreateAsync();
        var builder = new DbContextOptionsBuilder<CounterContext>();
        if (database.IsPostgres)
        {
            builder.UseNpgsql(database.ConnectionString);
        }
        else
        {
            builder.UseSqlite($"Data Source={Path.Combine(directory, "counters.db")};Pooling=false");
        }
        var contexts = new PooledDbContextFactory<CounterContext>(builder.Options);
        await using var db = await contexts.CreateDbContextAsync();
        await db.Database.EnsureCreatedAsync();
        return new CounterDatabase(directory, database, contexts);
    }

    public async ValueTask DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    public sealed class CounterContext(DbContextOptions<CounterContext> options) : DbContext(options)
    {
        public DbSet<CounterRow> Counters => Set<CounterRow>();

        protected override void OnModelCreating(ModelBuilder modelBuilder) =>
            modelBuilder.Entity<CounterRow>(row =>
            {
                row.ToTable("counters");
                row.HasKey(r => r.Key);
            });
    }

    public sealed class CounterRow
    {
        public string Key { get; set; } = "";

        public long Value { get; set; }
    }
}

/// <summary>Counts the warnings a statement or query logs (a batch that failed and was rerun item by item).</summary>
public sealed class WarningCount : ILogger
{
    private int _warnings;

    public int Warnings => _warnings;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public bool IsEnabled(LogLevel logLevel) => true;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (logLevel >= LogLevel.Warning)
        {
            Interlocked.Increment(ref _warnings);
        }
    }
}
