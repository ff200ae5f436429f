using Civitas.Common.Persistence;
using Civitas.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Civitas.Host.Tests;

/// <summary>
/// A group-committed statement on the database under test (SQLite file or PostgreSQL): every caller gets its own
/// run's answer back, runs on one row count one after another as in separate transactions, and with an order the
/// runs on one row keep their arrival order.
/// </summary>
public sealed class GroupCommittedStatementTests : IAsyncLifetime
{
    private const string Count = """
        INSERT INTO counters ("Key", "Value") VALUES (@key, 1)
        ON CONFLICT ("Key") DO UPDATE SET "Value" = counters."Value" + 1
        RETURNING "Value"
        """;

    private const string InsertOnce = """INSERT INTO counters ("Key", "Value") VALUES (@key, 0) ON CONFLICT ("Key") DO NOTHING""";

    private readonly string _directory = Directory.CreateTempSubdirectory("civitas-statement-").FullName;
    private TestDatabase _database = null!;
    private IDbContextFactory<CounterContext> _contexts = null!;

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        var builder = new DbContextOptionsBuilder<CounterContext>();
        if (_database.IsPostgres)
        {
            builder.UseNpgsql(_database.ConnectionString);
        }
        else
        {
            builder.UseSqlite($"Data Source={Path.Combine(_directory, "counters.db")};Pooling=false");
        }
        _contexts = new PooledDbContextFactory<CounterContext>(builder.Options);
        await using var db = await _contexts.CreateDbContextAsync();
        await db.Database.EnsureCreatedAsync();
    }

    public async Task DisposeAsync()
    {
        await _database.DisposeAsync();
        Directory.Delete(_directory, recursive: true);
    }

    [Fact]
    public async Task Each_caller_gets_its_own_runs_value_and_runs_on_one_row_keep_their_arrival_order()
    {
        var log = new WarningCount();
        await using var counter = new GroupCommittedStatement<CounterContext>(
            _contexts, Count, ["key"], StatementAnswer.FirstValue, log, "counts", orderBy: 0, maxBatch: 64);

        // Submitted in this order, from one thread: keys interleaved so that key order differs from arrival order.
        var keys = Enumerable.Range(0, 300).Select(i => $"key-{(i * 7) % 5}").ToArray();
        var answers = await Task.WhenAll(keys.Select(key => counter.RunAsync(key)));

        foreach (var group in keys.Select((key, i) => (key, answer: answers[i])).GroupBy(run => run.key))
        {
            // Per key: 1, 2, 3, … in the order the runs were submitted, none lost or counted twice.
            Assert.Equal(Enumerable.Range(1, group.Count()).Select(i => (long)i), group.Select(run => run.answer));
        }
        Assert.Equal(0, log.Warnings); // no batch failed and was rerun item by item
    }

    [Fact]
    public async Task Rows_changed_tells_the_first_insert_from_its_copies()
    {
        await using var insert = new GroupCommittedStatement<CounterContext>(
            _contexts, InsertOnce, ["key"], StatementAnswer.RowsChanged, NullLogger.Instance, "rows", maxBatch: 64);

        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => insert.RunAsync($"row-{i % 10}")));

        Assert.Equal(Enumerable.Repeat(1L, 10), answers.Take(10));
        Assert.Equal(Enumerable.Repeat(0L, 30), answers.Skip(10));
        await using var db = await _contexts.CreateDbContextAsync();
        Assert.Equal(10, await db.Counters.CountAsync());
    }

    [Fact]
    public async Task A_run_with_the_wrong_number_of_values_is_refused_before_it_is_queued()
    {
        await using var counter = new GroupCommittedStatement<CounterContext>(
            _contexts, Count, ["key"], StatementAnswer.FirstValue, NullLogger.Instance, "counts", maxBatch: 64);

        Assert.Throws<ArgumentException>(() => { _ = counter.RunAsync("a", "b"); });
        Assert.Equal(1, await counter.RunAsync("a"));
    }

    /// <summary>Counts the warnings a statement logs (a batch that failed and was rerun item by item).</summary>
    private sealed class WarningCount : ILogger
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
