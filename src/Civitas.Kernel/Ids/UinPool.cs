using System.Text.Json;
using Civitas.Common.Persistence;
using Civitas.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Civitas.Kernel.Ids;

/// <summary>
/// The pre-generated UIN pool. New UINs go in with <c>ON CONFLICT DO NOTHING</c>: the primary key keeps every
/// UIN ever generated, so a number is never added (or handed out) twice, whichever host refills.
/// One refill per host at a time; two hosts refilling together only overshoot the pool a little.
/// </summary>
internal sealed class UinPool(
    IDbContextFactory<KernelDbContext> databases,
    KernelStore store,
    UinRefillSignal signal,
    IOptions<KernelOptions> options,
    TimeProvider clock,
    ILogger<UinPool> logger)
{
    private const int RowsPerStatement = 500;

    // One statement per chunk whatever its size: the UINs travel as one array parameter (JSON text on SQLite).
    private static readonly KernelStatement InsertSqlite = new("""
        INSERT INTO kernel_uin (uin, status, created_at_ms, updated_at_ms)
        SELECT value, 'UNUSED', @now, @now FROM json_each(@uins) WHERE true
        ON CONFLICT (uin) DO NOTHING
        """, "@now", "@uins");

    private static readonly KernelStatement InsertPostgres = new("""
        INSERT INTO kernel_uin (uin, status, created_at_ms, updated_at_ms)
        SELECT u, 'UNUSED', @now, @now FROM unnest(@uins) AS u
        ON CONFLICT (uin) DO NOTHING
        """, "@now", "@uins");

    private readonly SemaphoreSlim _refilling = new(1, 1);
    private readonly IdGenerator _generator = new(new IdFilter(options.Value.Uin));

    /// <summary>A read outside the kernel's writer (SQLite readers do not wait for the writer in WAL mode).</summary>
    public async Task<int> CountUnusedAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Uins.CountAsync(uin => uin.Status == UinStatus.Unused, cancellationToken);
    }

    /// <summary>
    /// Refills when below the threshold; with <paramref name="force"/> (a claim came up short) also when the pool
    /// is empty whatever the threshold. Waits for a refill already running.
    /// </summary>
    public async Task<int> EnsureAsync(bool force, CancellationToken cancellationToken)
    {
        await _refilling.WaitAsync(cancellationToken);
        try
        {
            var settings = options.Value.Uin;
            var unused = await CountUnusedAsync(cancellationToken);
            // A short claim with unused UINs still counted here means they are below the threshold or being
            // claimed elsewhere right now: refill in the first case, let the claim try again in the second.
            if (unused >= Math.Max(settings.MinUnusedThreshold, force ? 1 : 0))
            {
                signal.Counted(unused, settings.MinUnusedThreshold);
                return 0;
            }

            var added = await AddAsync(settings.UinsToGenerate, cancellationToken);
            signal.Counted((long)unused + added, settings.MinUnusedThreshold);
            logger.LogInformation("UIN pool refilled: {Added} added, {Unused} were unused", added, unused);
            return added;
        }
        finally
        {
            _refilling.Release();
        }
    }

    /// <summary>Generates and adds up to <paramref name="count"/> new UINs; returns how many were new.</summary>
    public async Task<int> AddAsync(int count, CancellationToken cancellationToken)
    {
        // Bounded draws: a short configured length may have fewer valid numbers than asked for.
        var fresh = new HashSet<string>(count, StringComparer.Ordinal);
        for (var draw = 0; draw < count * 4 && fresh.Count < count; draw++)
        {
            fresh.Add(_generator.Next());
        }

        var now = clock.GetUtcNow().ToUnixTimeMilliseconds();
        var postgres = store.Provider == DatabaseProvider.PostgreSql;
        var added = 0;
        // One statement per chunk, each UIN standing alone: allocations and OTPs queued behind a large refill
        // wait for one chunk, not for all of it.
        foreach (var chunk in fresh.Chunk(RowsPerStatement))
        {
            added += postgres
                ? await store.ExecuteAsync(InsertPostgres, [now, chunk], cancellationToken)
                : await store.ExecuteAsync(InsertSqlite, [now, JsonSerializer.Serialize(chunk)], cancellationToken);
        }

        return added;
    }
}
