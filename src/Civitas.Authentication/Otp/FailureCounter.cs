using Civitas.Authentication.Persistence;
using Civitas.Common.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Civitas.Authentication.Otp;

/// <summary>
/// Wrong-attempt counters that freeze a factor (OTP, static PIN), one row per key. Every attempt is reserved with an
/// atomic increment in the database BEFORE the secret is checked, so guesses sent in parallel (or to several hosts)
/// cannot all read the same count and all slip under the limit: at most <c>limit</c> attempts reach validation
/// between two successes. One upsert counts (<c>INSERT … ON CONFLICT DO UPDATE … RETURNING</c>), so it holds on
/// SQLite and PostgreSQL alike.
/// </summary>
internal sealed class FailureCounter(IDbContextFactory<AuthenticationDbContext> databases)
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

    private static readonly string[] ReserveNames = ["key", "now"];

    /// <summary>True while the key is frozen.</summary>
    public async Task<bool> IsFrozenAsync(byte[] key, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.OtpFailures.AnyAsync(f => f.IndividualHash == key && f.FrozenUntilUtc > now, cancellationToken);
    }

    /// <summary>
    /// Counts one attempt and answers the count including it (possibly higher when others count at the same moment,
    /// which only errs on the safe side). A freeze that has run out starts a fresh count first.
    /// </summary>
    public async Task<int> ReserveAsync(byte[] key, DateTime now, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await RawStatements.ScalarAsync<int>(db, Reserve, ReserveNames, [key, now], cancellationToken);
    }

    /// <summary>Freezes the key until <paramref name="until"/> unless it is already frozen.</summary>
    public async Task FreezeAsync(byte[] key, DateTime now, DateTime until, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.OtpFailures
            .Where(f => f.IndividualHash == key && (f.FrozenUntilUtc == null || f.FrozenUntilUtc <= now))
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.FrozenUntilUtc, (DateTime?)until).SetProperty(f => f.UpdatedAtUtc, now), cancellationToken);
    }

    /// <summary>Gives back an attempt that turned out not to be a guess (an expired or already blocked code).</summary>
    public async Task ReleaseAsync(byte[] key, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.OtpFailures
            .Where(f => f.IndividualHash == key && f.FailedCount > 0 && f.FrozenUntilUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(f => f.FailedCount, f => f.FailedCount - 1), cancellationToken);
    }

    /// <summary>A right secret: the count starts again.</summary>
    public async Task ResetAsync(byte[] key, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await db.OtpFailures.Where(f => f.IndividualHash == key).ExecuteDeleteAsync(cancellationToken);
    }
}
