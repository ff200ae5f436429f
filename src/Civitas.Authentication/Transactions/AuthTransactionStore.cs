using Civitas.Authentication.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Civitas.Authentication.Transactions;

/// <summary>
/// Auth transaction rows and the replay guard. An accepted (partner, route, transaction id) is written in the same
/// commit as the transaction row, so an authentication costs one write; its primary key makes a concurrent replay
/// lose at commit even when both passed the read-time check.
/// </summary>
internal sealed class AuthTransactionStore(IDbContextFactory<AuthenticationDbContext> databases, IOptions<AuthenticationOptions> options, TimeProvider clock)
{
    public static string ReplayKey(string partnerId, string requestType, string transactionId) => $"{requestType}|{partnerId}|{transactionId}";

    /// <summary>True when the key was accepted before and has not expired.</summary>
    public async Task<bool> WasSeenAsync(string replayKey, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var expires = await db.SeenTransactions.AsNoTracking().Where(s => s.Key == replayKey).Select(s => (DateTime?)s.ExpiresAtUtc).SingleOrDefaultAsync(cancellationToken);
        if (expires is null)
        {
            return false;
        }
        if (expires > clock.GetUtcNow().UtcDateTime)
        {
            return true;
        }
        // Expired and not yet swept: clear it now so this request can claim the id.
        await db.SeenTransactions.Where(s => s.Key == replayKey).ExecuteDeleteAsync(cancellationToken);
        return false;
    }

    /// <summary>
    /// Writes the transaction row, claiming <paramref name="replayKey"/> with it when given. False when another
    /// request claimed the key first (a replay that raced this one); then only the row is written, marked so.
    /// </summary>
    public async Task<bool> RecordAsync(AuthTransactionRow row, string? replayKey, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        db.Transactions.Add(row);
        if (replayKey is not null)
        {
            db.SeenTransactions.Add(new SeenTransactionRow { Key = replayKey, ExpiresAtUtc = clock.GetUtcNow().UtcDateTime + options.Value.ReplayMemory });
        }
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return true;
        }
        catch (DbUpdateException) when (replayKey is not null)
        {
            await using var again = await databases.CreateDbContextAsync(cancellationToken);
            if (!await again.SeenTransactions.AnyAsync(s => s.Key == replayKey, cancellationToken))
            {
                throw;
            }
            row.Succeeded = false;
            row.AuthToken = null;
            row.ErrorCode = Errors.IdaErrors.TransactionReplayed.ErrorCode;
            again.Transactions.Add(row);
            await again.SaveChangesAsync(cancellationToken);
            return false;
        }
    }

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
