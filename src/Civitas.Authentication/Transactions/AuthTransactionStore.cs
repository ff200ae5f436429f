using Civitas.Authentication.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Civitas.Authentication.Transactions;

/// <summary>
/// Auth transaction rows and the replay guard. A (partner, scope, transaction id) is claimed by one statement
/// before any factor is checked: the first request inserts it, a replay finds it there and is refused, and of two
/// racing requests the database lets exactly one insert (<see cref="ReplayClaims"/>, group-committed). Rows go
/// through <see cref="AuthTransactionWriter"/>.
/// </summary>
internal sealed class AuthTransactionStore(
    IDbContextFactory<AuthenticationDbContext> databases, ReplayClaims claims, AuthTransactionWriter writer, IOptions<AuthenticationOptions> options, TimeProvider clock)
{
    public static string ReplayKey(string partnerId, string requestType, string transactionId) => $"{requestType}|{partnerId}|{transactionId}";

    /// <summary>
    /// Claims <paramref name="replayKey"/> for the replay memory; false when it was claimed before and has not expired.
    /// An expired claim not yet swept is taken over (the upsert's WHERE), so nothing has to be deleted first.
    /// </summary>
    public Task<bool> ClaimAsync(string replayKey)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return claims.ClaimAsync(replayKey, now, now + options.Value.ReplayMemory);
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

    /// <summary>Deletes expired replay claims and OTP requests past their retention; answers how many rows went.</summary>
    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var keptSince = now - options.Value.OtpRequestRetention;
        var claims = await db.SeenTransactions.Where(s => s.ExpiresAtUtc <= now).ExecuteDeleteAsync(cancellationToken);
        var otpRequests = await db.OtpRequests.Where(r => r.CreatedAtUtc < keptSince).ExecuteDeleteAsync(cancellationToken);
        return claims + otpRequests;
    }
}
