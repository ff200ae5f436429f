using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Civitas.Common.Persistence;

/// <summary>
/// One hand-written hot-path statement (an insert, an upsert, a counter) whose runs are group-committed: each
/// caller gives its parameter values and waits for its own answer, and the runs that queue up while one batch is
/// written go to the database together, one transaction and one commit for all of them (<see cref="GroupCommit{TItem, TResult}"/>,
/// <see cref="RawStatements.RunEachAsync"/>). A commit per request is what a database pays most for under load:
/// a WAL flush on PostgreSQL, the write lock and a WAL append on SQLite.
/// </summary>
/// <remarks>
/// With <c>orderBy</c> the runs of a batch go in the order of that parameter (a string or a byte array), so two
/// hosts' batches lock shared rows in the same order, and a second run on the same row in one batch sees the
/// first one's effect, exactly as in separate transactions. A batch that fails is run again item by item.
/// </remarks>
public sealed partial class GroupCommittedStatement<TContext> : IAsyncDisposable
    where TContext : DbContext
{
    private readonly IDbContextFactory<TContext> _databases;
    private readonly string _sql;
    private readonly IReadOnlyList<string> _names;
    private readonly StatementAnswer _answer;
    private readonly int? _orderBy;
    private readonly GroupCommit<object?[], long> _runs;

    /// <param name="databases">The module's contexts; a batch runs on one pooled context's connection.</param>
    /// <param name="sql">The statement, with a parameter <c>@name</c> for each of <paramref name="names"/>.</param>
    /// <param name="names">The parameter names, in the order callers give the values.</param>
    /// <param name="answer">What each caller is answered.</param>
    /// <param name="maxBatch">The most runs in one transaction.</param>
    /// <param name="logger">Where a batch of several that failed (and is run again item by item) is reported; the error, never the values.</param>
    /// <param name="what">What the runs write, for that report (e.g. "OTP request rows").</param>
    /// <param name="orderBy">The index of the parameter whose value orders the runs of a batch, or null to keep arrival order.</param>
    public GroupCommittedStatement(
        IDbContextFactory<TContext> databases,
        string sql,
        IReadOnlyList<string> names,
        StatementAnswer answer,
        ILogger logger,
        string what,
        int? orderBy = null,
        int maxBatch = 256)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (orderBy is { } index)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, names.Count);
        }
        _databases = databases;
        _sql = sql;
        _names = names;
        _answer = answer;
        _orderBy = orderBy;
        _runs = new(RunBatchAsync, maxBatch, (count, error) => LogBatchFailed(logger, count, what, error));
    }

    /// <summary>Completes with this run's answer once its batch has committed; faults when it could not be run.</summary>
    public Task<long> RunAsync(params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != _names.Count)
        {
            throw new ArgumentException($"The statement takes {_names.Count} values, not {values.Length}.", nameof(values));
        }
        return _runs.SubmitAsync(values);
    }

    public ValueTask DisposeAsync() => _runs.DisposeAsync();

    private async Task<long[]> RunBatchAsync(IReadOnlyList<object?[]> runs)
    {
        await using var db = await _databases.CreateDbContextAsync();
        if (_orderBy is not { } key || runs.Count == 1)
        {
            return await RawStatements.RunEachAsync(db, _sql, _names, runs, _answer);
        }

        // A stable sort: two runs on one row keep their arrival order.
        var order = Enumerable.Range(0, runs.Count).OrderBy(i => runs[i][key], KeyOrder).ToArray();
        var ordered = await RawStatements.RunEachAsync(db, _sql, _names, [.. order.Select(i => runs[i])], _answer);
        var answers = new long[runs.Count];
        for (var i = 0; i < order.Length; i++)
        {
            answers[order[i]] = ordered[i];
        }
        return answers;
    }

    private static readonly Comparer<object?> KeyOrder = Comparer<object?>.Create((a, b) => (a, b) switch
    {
        (string x, string y) => string.CompareOrdinal(x, y),
        (byte[] x, byte[] y) => x.AsSpan().SequenceCompareTo(y),
        _ => throw new InvalidOperationException("A batch is ordered by a string or byte array parameter."),
    });

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Count} {What} together failed; writing them one by one")]
    private static partial void LogBatchFailed(ILogger logger, int count, string what, Exception exception);
}
