using Civitas.Common.Persistence;
using Microsoft.EntityFrameworkCore;
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

    // Fails (NOT NULL) for the key "bad", on both databases; counts like Count for any other.
    private const string CountUnlessBad = """
        INSERT INTO counters ("Key", "Value") VALUES (@key, CASE WHEN @key = 'bad' THEN NULL ELSE 1 END)
        ON CONFLICT ("Key") DO UPDATE SET "Value" = counters."Value" + 1
        RETURNING "Value"
        """;

    private CounterDatabase _database = null!;

    public async Task InitializeAsync() => _database = await CounterDatabase.CreateAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Each_caller_gets_its_own_runs_value_and_runs_on_one_row_keep_their_arrival_order()
    {
        var log = new WarningCount();
        await using var counter = new GroupCommittedStatement<CounterDatabase.CounterContext>(
            _database.Contexts, Count, ["key"], StatementAnswer.FirstValue, log, "counts", orderBy: 0, maxBatch: 64);

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
        await using var insert = new GroupCommittedStatement<CounterDatabase.CounterContext>(
            _database.Contexts, InsertOnce, ["key"], StatementAnswer.RowsChanged, NullLogger.Instance, "rows", maxBatch: 64);

        var answers = await Task.WhenAll(Enumerable.Range(0, 40).Select(i => insert.RunAsync($"row-{i % 10}")));

        Assert.Equal(Enumerable.Repeat(1L, 10), answers.Take(10));
        Assert.Equal(Enumerable.Repeat(0L, 30), answers.Skip(10));
        await using var db = await _database.Contexts.CreateDbContextAsync();
        Assert.Equal(10, await db.Counters.CountAsync());
    }

    [Fact]
    public async Task A_batch_with_a_failing_run_leaves_nothing_behind()
    {
        // Directly: the runs before the failing one are rolled back with it (PostgreSQL: the batch's implicit
        // transaction; SQLite: an explicit one), so running the batch again item by item counts nothing twice.
        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            await Assert.ThrowsAnyAsync<Exception>(() => RawStatements.RunEachAsync(
                db, CountUnlessBad, ["key"], [["a"], ["b"], ["bad"], ["c"]], StatementAnswer.FirstValue));
        }
        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            Assert.Equal(0, await db.Counters.CountAsync());
        }

        // Group-committed: the failing run fails alone, every other run counts exactly once.
        await using var counter = new GroupCommittedStatement<CounterDatabase.CounterContext>(
            _database.Contexts, CountUnlessBad, ["key"], StatementAnswer.FirstValue, NullLogger.Instance, "counts", maxBatch: 64);
        var runs = new[] { "a", "b", "bad", "c", "a" }.Select(key => counter.RunAsync(key)).ToArray();
        await Assert.ThrowsAnyAsync<Exception>(() => runs[2]);
        var counts = await Task.WhenAll(runs[0], runs[1], runs[3], runs[4]);
        Assert.Equal(new long[] { 1, 1, 1, 2 }, counts);
        await using (var db = await _database.Contexts.CreateDbContextAsync())
        {
            var rows = await db.Counters.OrderBy(c => c.Key).Select(c => c.Key + ":" + c.Value).ToListAsync();
            Assert.Equal(["a:2", "b:1", "c:1"], rows);
        }
    }

    [Fact]
    public async Task A_run_with_the_wrong_number_of_values_is_refused_before_it_is_queued()
    {
        await using var counter = new GroupCommittedStatement<CounterDatabase.CounterContext>(
            _database.Contexts, Count, ["key"], StatementAnswer.FirstValue, NullLogger.Instance, "counts", maxBatch: 64);

        Assert.Throws<ArgumentException>(() => { _ = counter.RunAsync("a", "b"); });
        Assert.Equal(1, await counter.RunAsync("a"));
    }
}
