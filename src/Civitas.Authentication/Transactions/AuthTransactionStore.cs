using Civitas.Authentication.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Civitas.Authentication.Transactions;

/// <summary>
/// Auth transaction rows and the replay guard. A (partner, scope, transaction id) is claimed by one statement
/// before any factor is checked: the first request inserts it, a replay finds it there and is refused, and of two
/// racing requests the database lets exactly one insert. Rows go through <see cref="AuthTransactionWriter"/>.
/// </summary>
internal sealed class AuthTransactionStore(
    IDbContextFactory<AuthenticationDbContext> databases, AuthTransactionWriter writer, IOptions<AuthenticationOptions> options, TimeProvider clock)
{
    public static string ReplayKey(string partnerId, string requestType, string transactionId) => $"{requestType}|{partnerId}|{transactionId}";

    /// <summary>
    /// Claims <paramref name="replayKey"/> for the replay memory; false when it was claimed before and has not expired.
    /// An expired claim not yet swept is taken over (the upsert's WHERE), so nothing has to be deleted first.
    /// </summary>
    public async Task<bool> ClaimAsync(string replayKey, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var expires = now + options.Value.ReplayMemory;
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var changed = await db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO authentication_seen_transactions ("Key", "ExpiresAtUtc") VALUES ({replayKey}, {expires})
            ON CONFLICT ("Key") DO UPDATE SET "ExpiresAtUtc" = excluded."ExpiresAtUtc"
            WHERE authentication_seen_transactions."ExpiresAtUtc" <= {now}
            """,
            cancellationToken);
        return changed == 1;
    }

    /// <summary>Writes the transaction row; completes once it is committed.</summary>
    public Task RecordAsync(AuthTransactionRow row) => writer.WriteAsync(row);

    /// <summary>An individual's attempts, newest first.</summary>
    public async Task<List<AuthTransactionRow>> ListAsync(byte[] individualHash, int pageStart, int pageFetch, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Transactions.AsNoTracking()
            .Where(t => t.IndividualHash == individualHash)
            .OrderByDescending(t => t.RequestTimeUtc).ThenByDescending(t => t.Id)
            .Skip(pageStart * pageFetch).Take(pageFetch)
            .ToListAsync(cancellationToken);
    }

    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        return await db.SeenTransactions.Where(s => s.ExpiresAtUtc <= now).ExecuteDeleteAsync(cancellationToken);
    }
}
