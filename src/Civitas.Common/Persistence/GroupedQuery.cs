using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Civitas.Common.Persistence;

/// <summary>
/// One hand-written hot-path read (an identity by its hash, a resident's OTP state) whose calls, on PostgreSQL,
/// go to the server together: the calls that queue up while one round trip runs become the next one, a batch of
/// the same prepared statement with each caller's values, and each caller gets its own rows. A query a request
/// costs PostgreSQL a round trip of its own, and on two shared cores the backend's sleep and wake-up per round
/// trip was the largest part of its CPU (bench/README.md, "Authentication"). SQLite runs in-process and its
/// readers run in parallel, so there each call is simply run on a pooled context's connection.
/// </summary>
/// <typeparam name="TContext">The module's context, whose connection runs the query.</typeparam>
/// <typeparam name="TRow">What one row of the answer is read into.</typeparam>
public sealed partial class GroupedQuery<TContext, TRow> : IAsyncDisposable
    where TContext : DbContext
{
    private readonly IDbContextFactory<TContext> _databases;
    private readonly string _sql;
    private readonly IReadOnlyList<string> _names;
    private readonly Func<DbDataReader, TRow> _read;
    private readonly GroupCommit<object?[], IReadOnlyList<TRow>>? _grouped;

    /// <param name="databases">The module's contexts.</param>
    /// <param name="sql">The query, with a parameter <c>@name</c> for each of <paramref name="names"/>.</param>
    /// <param name="names">The parameter names, in the order callers give the values.</param>
    /// <param name="read">Reads the current row of the answer.</param>
    /// <param name="logger">Where a batch of several that failed (and is run again call by call) is reported; the error, never the values.</param>
    /// <param name="what">What the query reads, for that report (e.g. "identities by UIN").</param>
    /// <param name="maxBatch">The most calls in one round trip.</param>
    public GroupedQuery(
        IDbContextFactory<TContext> databases,
        string sql,
        IReadOnlyList<string> names,
        Func<DbDataReader, TRow> read,
        ILogger logger,
        string what,
        int maxBatch = 128)
    {
        ArgumentNullException.ThrowIfNull(databases);
        ArgumentNullException.ThrowIfNull(names);
        _databases = databases;
        _sql = sql;
        _names = names;
        _read = read;
        using var probe = databases.CreateDbContext();
        if (probe.Database.GetDbConnection().CanCreateBatch)
        {
            _grouped = new(RunBatchAsync, maxBatch, (count, error) => LogBatchFailed(logger, count, what, error));
        }
    }

    /// <summary>The rows the query answers for these values (in the order of <c>names</c>).</summary>
    public async Task<IReadOnlyList<TRow>> QueryAsync(params object?[] values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Length != _names.Count)
        {
            throw new ArgumentException($"The query takes {_names.Count} values, not {values.Length}.", nameof(values));
        }

        if (_grouped is not null)
        {
            return await _grouped.SubmitAsync(values);
        }

        await using var db = await _databases.CreateDbContextAsync();
        return (await RawStatements.QueryEachAsync(db, _sql, _names, [values], _read))[0];
    }

    public ValueTask DisposeAsync() => _grouped?.DisposeAsync() ?? ValueTask.CompletedTask;

    private async Task<IReadOnlyList<TRow>[]> RunBatchAsync(IReadOnlyList<object?[]> calls)
    {
        await using var db = await _databases.CreateDbContextAsync();
        return await RawStatements.QueryEachAsync(db, _sql, _names, calls, _read);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading {Count} {What} together failed; reading them one by one")]
    private static partial void LogBatchFailed(ILogger logger, int count, string what, Exception exception);
}
