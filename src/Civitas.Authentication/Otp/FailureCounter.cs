using Civitas.Authentication.Persistence;
using Civitas.Common.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Civitas.Authentication.Otp;

/// <summary>
/// Wrong-attempt counters that freeze a factor (OTP, static PIN), one row per key. Every attempt is reserved with an
/// atomic increment in the database BEFORE the secret is checked, so guesses sent in parallel (or to several hosts)
/// cannot all read the same count and all slip under the limit: at most <c>limit</c> attempts reach validation
/// between two successes. One upsert counts (<c>INSERT … ON CONFLICT DO UPDATE … RETURNING</c>), so it holds on
/// SQLite and PostgreSQL alike. Counting and the reset after a right secret happen on every OTP or PIN
/// authentication, so both are group-committed (<see cref="GroupCommittedStatement{TContext}"/>), in key order;
/// a caller still learns its count only once it is committed.
/// </summary>
internal sealed class FailureCounter : IAsyncDisposable
{
    // One statement whatever the row's state: no row yet → 1; a freeze that has run out → a fresh count of 1;
    // otherwise one more. The database serialises writers on the row, so parallel attempts get distinct counts.
    private const string Reserve = """
        INSERT INTO authentication_otp_failures ("IndividualHash", "FailedCount", "FrozenUntilUtc", "UpdatedAtUtc")
        VALUES (@key, 1, NULL, @now)
        ON CONFLICT ("IndividualHash") DO UPDATE SET
            "FailedCount" = CASE WHEN authentication_otp_failures."FrozenUntilUtc" <= @now THEN 1
                                 ELSE authentication_otp_failures."FailedCount" + 1 END,
            "FrozenUntilUtc" = CASE WHEN authentication_otp_failures."FrozenUntilUtc" <= @now THEN NULL
                                    ELSE authentication_otp_failures."FrozenUntilUtc" END,
            "UpdatedAtUtc" = @now
        RETURNING "FailedCount"
        """;

    // A right secret zeroes the row rather than deleting it: a row per resident stays (a few dozen bytes each), and
    // the table does not fill with dead rows between vacuums. Deleting on every success left PostgreSQL's planner
    // with a tiny, bloated table that it scanned whole on each lookup (bench/README.md, "Authentication").
    private const string Reset = """
        UPDATE authentication_otp_failures SET "FailedCount" = 0, "FrozenUntilUtc" = NULL, "UpdatedAtUtc" = @now
        WHERE "IndividualHash" = @key
        """;

    /// <summary>1 while the key (<c>@key</c>) is frozen at <c>@now</c>, else 0; other queries embed it as a subquery.</summary>
    internal const string FrozenCount = """
        SELECT COUNT(*) FROM authentication_otp_failures WHERE "IndividualHash" = @key AND "FrozenUntilUtc" > @now
        """;

    // Every statement and query here takes the same two parameters.
    private static readonly string[] KeyAndNow = ["key", "now"];

    private readonly IDbContextFactory<AuthenticationDbContext> _databases;
    private readonly GroupedQuery<AuthenticationDbContext, long> _frozen;
    private readonly GroupCommittedStatement<AuthenticationDbContext> _reservations;
    private readonly GroupCommittedStatement<AuthenticationDbContext> _resets;

    public FailureCounter(IDbContextFactory<AuthenticationDbContext> databases, ILogger<FailureCounter> logger)
    {
        _databases = databases;
        _frozen = new(databases, FrozenCount, KeyAndNow, reader => reader.GetInt64(0), logger, "freezes");
        _reservations = new(databases, Reserve, KeyAndNow, StatementAnswer.FirstValue, logger, "attempt counts", orderBy: 0);
        _resets = new(databases, Reset, KeyAndNow, StatementAnswer.RowsChanged, logger, "attempt count resets", orderBy: 0);
    }

    /// <summary>True while the key is frozen.</summary>
    public async Task<bool> IsFrozenAsync(byte[] key, DateTime now) => (await _frozen.QueryAsync(key, now))[0] > 0;

    /// <summary>
    /// Counts one attempt and answers the count including it (possibly higher when others count at the same moment,
    /// which only errs on the safe side). A freeze that has run out starts a fresh count first. Not cancellable: once
    /// queued, the attempt is counted whether or not the caller still waits.
    /// </summary>
    public async Task<int> ReserveAsync(byte[] key, DateTime now) => (int)await _reservations.RunAsync(key, now);

    /// <summary>Freezes the key until <paramref name="until"/> unless it is already frozen.</summary>
    public async Task FreezeAsync(byte[] key, DateTime now, DateTime until, CancellationToken cancellationToken)
    {
        await using var db = await _databases.CreateDbContextAsync(cancellationToken);
        await db.OtpFailures
            .Where(f => f.IndividualHash == key && (f.FrozenUntilUtc == null || f.FrozenUntilUtc <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.FrozenUntilUtc, (DateTime?)until).SetProperty(f => f.UpdatedAtUtc, now), cancellationToken);
    }

    /// <summary>Gives back an attempt that turned out not to be a guess (an expired or already blocked code).</summary>
    public async Task ReleaseAsync(byte[] key, CancellationToken cancellationToken)
    {
        await using var db = await _databases.CreateDbContextAsync(cancellationToken);
        await db.OtpFailures
            .Where(f => f.IndividualHash == key && f.FailedCount > 0 && f.FrozenUntilUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.FailedCount, f => f.FailedCount - 1), cancellationToken);
    }

    /// <summary>A right secret: the count starts again.</summary>
    public Task ResetAsync(byte[] key, DateTime now) => _resets.RunAsync(key, now);

    public async ValueTask DisposeAsync()
    {
        await _frozen.DisposeAsync();
        await _reservations.DisposeAsync();
        await _resets.DisposeAsync();
    }

}
