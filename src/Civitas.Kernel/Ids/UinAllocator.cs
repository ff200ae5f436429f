using Civitas.Common.Persistence;
using Civitas.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Civitas.Kernel.Ids;

/// <summary>
/// Claims one unused UIN per call with a single UPDATE … RETURNING. On PostgreSQL <c>FOR UPDATE SKIP LOCKED</c>
/// lets parallel requests and hosts claim different rows without waiting on each other; SQLite has one writer,
/// so its statement is atomic as it stands. The outer <c>status = 'UNUSED'</c> re-check keeps a row claimed once.
/// </summary>
internal sealed class UinAllocator(
    IDbContextFactory<KernelDbContext> databases,
    DatabaseSettings database,
    UinPool pool,
    UinRefillSignal refill,
    WriteGate gate,
    TimeProvider clock) : IUinAllocator
{
    private const string ClaimSqlite = """
        UPDATE kernel_uin SET status = 'ISSUED', updated_at_ms = @now
        WHERE uin = (SELECT uin FROM kernel_uin WHERE status = 'UNUSED' LIMIT 1) AND status = 'UNUSED'
        RETURNING uin
        """;

    private const string ClaimPostgres = """
        UPDATE kernel_uin SET status = 'ISSUED', updated_at_ms = @now
        WHERE uin = (SELECT uin FROM kernel_uin WHERE status = 'UNUSED' LIMIT 1 FOR UPDATE SKIP LOCKED) AND status = 'UNUSED'
        RETURNING uin
        """;

    private const string ChangeSql = "UPDATE kernel_uin SET status = @status, updated_at_ms = @now WHERE uin = @uin AND status = 'ISSUED'";

    private readonly string _claimSql = database.Provider == DatabaseProvider.PostgreSql ? ClaimPostgres : ClaimSqlite;

    public async Task<string> AllocateAsync(CancellationToken cancellationToken = default)
    {
        for (var round = 0; round < 3; round++)
        {
            if (await TryClaimAsync(cancellationToken) is { } uin)
            {
                refill.Allocated();
                return uin;
            }

            // Empty pool (first start, or allocations outran the background refill): refill now and retry.
            await pool.EnsureAsync(force: true, cancellationToken);
        }

        throw new InvalidOperationException("The UIN pool is empty and could not be refilled.");
    }

    public async Task<UinStatusChange> UpdateStatusAsync(string uin, string status, CancellationToken cancellationToken = default)
    {
        if (status is not (UinStatus.Assigned or UinStatus.Unassigned))
        {
            return UinStatusChange.UnknownStatus;
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var current = await db.Uins.Where(entry => entry.Uin == uin).Select(entry => entry.Status).FirstOrDefaultAsync(cancellationToken);
        if (current is null)
        {
            return UinStatusChange.NotFound;
        }

        if (current != UinStatus.Issued)
        {
            return UinStatusChange.NotIssued;
        }

        await using var command = (await KernelSql.CommandAsync(db, ChangeSql, cancellationToken))
            .With("@status", status).With("@now", clock.GetUtcNow().ToUnixTimeMilliseconds()).With("@uin", uin);
        using (await gate.EnterAsync(cancellationToken))
        {
            // Zero rows: a parallel update moved it out of ISSUED first.
            return await command.ExecuteNonQueryAsync(cancellationToken) == 1 ? UinStatusChange.Updated : UinStatusChange.NotIssued;
        }
    }

    private async Task<string?> TryClaimAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        await using var command = (await KernelSql.CommandAsync(db, _claimSql, cancellationToken))
            .With("@now", clock.GetUtcNow().ToUnixTimeMilliseconds());
        using (await gate.EnterAsync(cancellationToken))
        {
            return await command.ExecuteScalarAsync(cancellationToken) as string;
        }
    }
}
