using Civitas.Common.Persistence;
using Microsoft.Extensions.Logging.Abstractions;

namespace Civitas.Host.Tests;

/// <summary>
/// A grouped query on the database under test (on PostgreSQL, concurrent calls share a round trip; on SQLite each
/// runs alone): every caller gets exactly its own rows, however many calls go together, and a call that fails
/// fails alone.
/// </summary>
public sealed class GroupedQueryTests : IAsyncLifetime
{
    private const string ByPrefix = """SELECT "Key", "Value" FROM counters WHERE "Key" LIKE @prefix ORDER BY "Key" """;

    private CounterDatabase _database = null!;

    public async Task InitializeAsync()
    {
        _database = await CounterDatabase.CreateAsync();
        await using var db = await _database.Contexts.CreateDbContextAsync();
        // Group g has g + 1 rows (g-0 … g-g), each valued g * 100 + i.
        for (var g = 0; g < 20; g++)
        {
            db.Counters.AddRange(Enumerable.Range(0, g + 1).Select(i => new CounterDatabase.CounterRow { Key = $"{g:D2}-{i:D2}", Value = (g * 100) + i }));
        }
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task Each_of_many_concurrent_callers_gets_exactly_its_own_rows()
    {
        var log = new WarningCount();
        await using var query = new GroupedQuery<CounterDatabase.CounterContext, (string Key, long Value)>(
            _database.Contexts, ByPrefix, ["prefix"], reader => (reader.GetString(0), reader.GetInt64(1)), log, "counters", maxBatch: 16);

        // 400 calls at once, groups 0–19 and five with no rows (20–24), in an order unlike the groups'.
        var groups = Enumerable.Range(0, 400).Select(i => (i * 7) % 25).ToArray();
        var answers = await Task.WhenAll(groups.Select(g => query.QueryAsync($"{g:D2}-%")));

        for (var i = 0; i < groups.Length; i++)
        {
            var g = groups[i];
            var expected = g < 20 ? Enumerable.Range(0, g + 1).Select(r => ($"{g:D2}-{r:D2}", (long)((g * 100) + r))).ToArray() : [];
            Assert.Equal(expected, answers[i]);
        }
        Assert.Equal(0, log.Warnings);
    }

    [Fact]
    public async Task A_failing_call_fails_alone_and_a_wrong_number_of_values_is_refused()
    {
        // Only the value "x" makes the query fail (PostgreSQL: not an integer; SQLite: not JSON).
        var failsOnX = _database.IsPostgres
            ? """SELECT CAST(@text AS integer) + 1"""
            : """SELECT json(@text) + 1""";
        await using var query = new GroupedQuery<CounterDatabase.CounterContext, long>(
            _database.Contexts, failsOnX, ["text"], reader => reader.GetInt64(0), NullLogger.Instance, "numbers");

        var calls = new[] { "1", "2", "x", "4" }.Select(text => query.QueryAsync(text)).ToArray();

        await Assert.ThrowsAnyAsync<Exception>(() => calls[2]);
        Assert.Equal(2L, Assert.Single(await calls[0]));
        Assert.Equal(3L, Assert.Single(await calls[1]));
        Assert.Equal(5L, Assert.Single(await calls[3]));
        await Assert.ThrowsAsync<ArgumentException>(() => query.QueryAsync("1", "2"));
    }
}
