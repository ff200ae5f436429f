using System.Data.Common;
using System.Text;
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
    IOptions<KernelOptions> options,
    TimeProvider clock,
    WriteGate gate,
    ILogger<UinPool> logger)
{
    private const int RowsPerStatement = 500;
    private readonly SemaphoreSlim _refilling = new(1, 1);
    private readonly IdGenerator _generator = new(new IdFilter(options.Value.Uin));

    public async Task<int> CountUnusedAsync(CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Uins.CountAsync(uin => uin.Status == UinStatus.Unused, cancellationToken);
    }

    /// <summary>Refills when below the threshold (or when <paramref name="force"/>); waits for a refill already running.</summary>
    public async Task<int> EnsureAsync(bool force, CancellationToken cancellationToken)
    {
        await _refilling.WaitAsync(cancellationToken);
        try
        {
            var settings = options.Value.Uin;
            var unused = await CountUnusedAsync(cancellationToken);
            if (!force && unused >= settings.MinUnusedThreshold)
            {
                return 0;
            }

            if (force && unused > 0)
            {
                return 0;
            }

            var added = await AddAsync(settings.UinsToGenerate, cancellationToken);
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
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var added = 0;
        // One statement (its own transaction) per chunk, each UIN standing alone: on SQLite the write gate is
        // held for one chunk at a time, so allocations and OTPs interleave with a large refill instead of
        // waiting for all of it.
        foreach (var chunk in fresh.Chunk(RowsPerStatement))
        {
            await using var command = await KernelSql.CommandAsync(db, InsertSql(chunk.Length), cancellationToken);
            command.With("@now", now);
            for (var i = 0; i < chunk.Length; i++)
            {
                command.With("@u" + i, chunk[i]);
            }

            using (await gate.EnterAsync(cancellationToken))
            {
                added += await command.ExecuteNonQueryAsync(cancellationToken);
            }
        }

        return added;
    }

    private static string InsertSql(int rows)
    {
        var sql = new StringBuilder("INSERT INTO kernel_uin (uin, status, created_at_ms, updated_at_ms) VALUES ");
        for (var i = 0; i < rows; i++)
        {
            sql.Append(i == 0 ? "" : ", ").Append("(@u").Append(i).Append(", 'UNUSED', @now, @now)");
        }

        return sql.Append(" ON CONFLICT (uin) DO NOTHING").ToString();
    }
}
