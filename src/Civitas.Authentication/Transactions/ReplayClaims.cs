using Civitas.Authentication.Persistence;
using Civitas.Common.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Civitas.Authentication.Transactions;

/// <summary>
/// The replay guard's claims, group-committed: a claim is one upsert (<c>INSERT … ON CONFLICT ("Key") DO UPDATE
/// … WHERE expired</c>) that changes a row only when the key is new or its earlier claim has expired, and the
/// claims queued while one batch runs go to the database together, in one transaction. A write transaction of its
/// own per request cost the SQLite file a lock, a WAL append and a commit each time (bench/README.md).
/// Inside a batch the statements run in key order, one after another: a second copy of a key in the same batch
/// finds the first one's row and is refused, exactly as across batches, and two hosts' batches lock shared keys
/// in the same order. A caller's answer waits for the commit.
/// </summary>
internal sealed class ReplayClaims : IAsyncDisposable
{
    private const string Upsert = """
        INSERT INTO authentication_seen_transactions ("Key", "ExpiresAtUtc") VALUES (@key, @expires)
        ON CONFLICT ("Key") DO UPDATE SET "ExpiresAtUtc" = excluded."ExpiresAtUtc"
        WHERE authentication_seen_transactions."ExpiresAtUtc" <= @now
        """;

    private static readonly string[] Names = ["key", "expires", "now"];

    private readonly GroupCommittedStatement<AuthenticationDbContext> _claims;

    public ReplayClaims(IDbContextFactory<AuthenticationDbContext> databases, ILogger<ReplayClaims> logger) =>
        _claims = new(databases, Upsert, Names, StatementAnswer.RowsChanged, logger, "transaction id claims", orderBy: 0);

    /// <summary>True when <paramref name="key"/> is now claimed until <paramref name="expires"/>; false when it was claimed before and that has not expired.</summary>
    public async Task<bool> ClaimAsync(string key, DateTime now, DateTime expires) => await _claims.RunAsync(key, expires, now) == 1;

    public ValueTask DisposeAsync() => _claims.DisposeAsync();

}
