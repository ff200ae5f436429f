using System.Security.Cryptography;
using System.Threading.Channels;
using Civitas.Common.Persistence;
using Civitas.Kernel.Persistence;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Civitas.Kernel.Ids;

/// <summary>
/// Hands out UINs from the pool with group commit: callers queue up, and one statement claims as many UINs as
/// callers are waiting (UNUSED → ISSUED, <c>UPDATE … RETURNING</c>; on PostgreSQL the rows are picked with
/// <c>FOR UPDATE SKIP LOCKED</c>, so hosts claim disjoint rows without waiting on each other). Under load one
/// statement serves dozens of callers; alone, a caller costs one statement as before.
/// A UIN is ISSUED in the database before its caller sees it, so ISSUED keeps meaning "handed out": a status
/// change on any host finds it, a crash loses nothing that was handed out, and no UIN is ever claimed twice.
/// (Claiming ahead into memory would save that statement but leave handed-out UINs unrecorded until a later
/// write; group commit costs about as little per UIN under load and keeps the record exact.)
/// </summary>
internal sealed class UinAllocator : IUinAllocator, IAsyncDisposable
{
    private const int MaxGroup = 256;
    private const string Digits = "0123456789";
    private const int ClaimRounds = 6;

    // One group in flight per host (PostgreSQL: SKIP LOCKED keeps hosts apart). A group forms while the previous
    // one runs, so fewer in flight means fuller groups and fewer commits, and the server's CPU per UIN is mostly
    // per commit (its WAL flush and the wake-ups around it): four in flight cost the server ~200 µs per UIN, two
    // ~90 µs with 9 UINs per commit, one ~60 µs with 16 (bench/README.md). A slow round trip delays the next
    // group by as much, which under load only makes that group larger. SQLite has one writer anyway.

    // A claim walks the unused UINs in key order (the partial index ix_kernel_uin_unused) from a random key,
    // wrapping round to the smallest: its cost depends on the UINs it claims, not on how many were issued
    // before (the earlier claim without an order let PostgreSQL's planner scan the table from its start, through
    // every issued UIN and its dead row versions, 30 s per claim after 20,000; bench/README.md). The random start
    // keeps UINs from being handed out in ascending order, and spreads parallel claimers over the index.
    // SQLite runs the whole statement inside one write transaction (one writer per database file, whichever
    // process), so the rows picked are still UNUSED when updated. No outer re-check of the status: with one,
    // SQLite's planner walked the whole partial index instead of looking the picked rows up by key.
    private static readonly KernelStatement ClaimSqlite = new("""
        UPDATE kernel_uin SET status = 'ISSUED', updated_at_ms = @now
        WHERE uin IN (
            SELECT uin FROM (SELECT uin FROM kernel_uin WHERE status = 'UNUSED' AND uin >= @from ORDER BY uin LIMIT @n)
            UNION ALL
            SELECT uin FROM (SELECT uin FROM kernel_uin WHERE status = 'UNUSED' AND uin < @from ORDER BY uin LIMIT @n)
            LIMIT @n)
        RETURNING uin
        """, "@now", "@from", "@n");

    // PostgreSQL: FOR UPDATE SKIP LOCKED, so hosts and parallel claims take disjoint rows without waiting on each
    // other; the part below the start only runs (and locks) when the part above it came up short. The picked
    // UINs go to the UPDATE as one array, looked up by key whatever the planner thinks of their number.
    private static readonly KernelStatement ClaimPostgres = new("""
        WITH above AS (
                SELECT uin FROM kernel_uin WHERE status = 'UNUSED' AND uin >= @from
                ORDER BY uin LIMIT @n FOR UPDATE SKIP LOCKED),
            below AS (
                SELECT uin FROM kernel_uin WHERE status = 'UNUSED' AND uin < @from
                ORDER BY uin LIMIT @n - (SELECT count(*) FROM above) FOR UPDATE SKIP LOCKED)
        UPDATE kernel_uin SET status = 'ISSUED', updated_at_ms = @now
        WHERE uin = ANY(ARRAY(SELECT uin FROM above UNION ALL SELECT uin FROM below)) AND status = 'UNUSED'
        RETURNING uin
        """, "@now", "@from", "@n");

    // Only for a UIN claimed for a caller who gave up meanwhile: it was never handed out, so it goes back.
    private static readonly KernelStatement Release = new(
        "UPDATE kernel_uin SET status = 'UNUSED', updated_at_ms = @now WHERE uin = @uin AND status = 'ISSUED'", "@now", "@uin");

    private static readonly KernelStatement Change = new(
        "UPDATE kernel_uin SET status = @status, updated_at_ms = @now WHERE uin = @uin AND status = 'ISSUED'", "@status", "@now", "@uin");

    private static readonly KernelStatement Status = new("SELECT status FROM kernel_uin WHERE uin = @uin", "@uin");

    private readonly Channel<Waiter> _waiting = Channel.CreateUnbounded<Waiter>();
    private readonly KernelStore _store;
    private readonly UinPool _pool;
    private readonly UinRefillSignal _refill;
    private readonly TimeProvider _clock;
    private readonly ILogger<UinAllocator> _logger;
    private readonly KernelStatement _claim;
    private readonly int _uinLength;
    private readonly Task _claimer;

    public UinAllocator(
        KernelStore store, UinPool pool, UinRefillSignal refill, IOptions<KernelOptions> options, TimeProvider clock, ILogger<UinAllocator> logger)
    {
        _uinLength = options.Value.Uin.Length;
        _store = store;
        _pool = pool;
        _refill = refill;
        _clock = clock;
        _logger = logger;
        _claim = ClaimStatement(store.Provider);
        _claimer = Task.Run(ClaimLoopAsync);
    }

    /// <summary>The claim statement for <paramref name="provider"/> (values: now, start key, how many).</summary>
    internal static KernelStatement ClaimStatement(DatabaseProvider provider) =>
        provider == DatabaseProvider.PostgreSql ? ClaimPostgres : ClaimSqlite;

    public Task<string> AllocateAsync(CancellationToken cancellationToken = default)
    {
        var waiter = new Waiter(cancellationToken);
        return _waiting.Writer.TryWrite(waiter) ? waiter.Task : throw new ObjectDisposedException(nameof(UinAllocator));
    }

    public async Task<UinStatusChange> UpdateStatusAsync(string uin, string status, CancellationToken cancellationToken = default)
    {
        if (status is not (UinStatus.Assigned or UinStatus.Unassigned))
        {
            return UinStatusChange.UnknownStatus;
        }

        var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
        if (await _store.ExecuteAsync(Change, [status, now, uin], cancellationToken) == 1)
        {
            return UinStatusChange.Updated;
        }

        // Not changed: say whether the UIN is unknown or just not (or no longer) ISSUED.
        var current = await _store.QuerySingleAsync(Status, [uin], reader => reader.GetString(0), null, cancellationToken);
        return current is null ? UinStatusChange.NotFound : UinStatusChange.NotIssued;
    }

    public async ValueTask DisposeAsync()
    {
        _waiting.Writer.TryComplete();
        await _claimer;
    }

    private async Task ClaimLoopAsync()
    {
        var group = new List<Waiter>(MaxGroup);
        while (await _waiting.Reader.WaitToReadAsync())
        {
            group.Clear();
            while (group.Count < MaxGroup && _waiting.Reader.TryRead(out var waiter))
            {
                if (!waiter.Task.IsCompleted)
                {
                    group.Add(waiter);
                }
            }

            if (group.Count > 0)
            {
                await ServeAsync(group);
            }
        }
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031", Justification = "A failed claim is reported to the callers it was for; the loop serves the next ones.")]
    private async Task ServeAsync(List<Waiter> group)
    {
        List<string> claimed;
        try
        {
            claimed = await ClaimAsync(group.Count);
        }
        catch (Exception ex)
        {
            foreach (var waiter in group)
            {
                waiter.Fail(ex);
            }

            return;
        }

        var next = 0;
        foreach (var waiter in group)
        {
            if (next == claimed.Count)
            {
                waiter.Fail(new InvalidOperationException("The UIN pool is empty and could not be refilled."));
            }
            else if (waiter.TryHandOut(claimed[next]))
            {
                next++;
                _refill.Allocated();
            }
        }

        for (; next < claimed.Count; next++)
        {
            await ReleaseAsync(claimed[next]);
        }
    }

    private async Task<List<string>> ClaimAsync(int wanted)
    {
        var claimed = new List<string>(wanted);
        for (var round = 0; round < ClaimRounds; round++)
        {
            var now = _clock.GetUtcNow().ToUnixTimeMilliseconds();
            var from = RandomNumberGenerator.GetString(Digits, _uinLength);
            claimed.AddRange(await _store.QueryAsync(_claim, [now, from, wanted - claimed.Count], reader => reader.GetString(0), CancellationToken.None));
            if (claimed.Count == wanted)
            {
                break;
            }

            // The pool ran dry (first start, or allocations outran the background refill): refill now and retry.
            // Nothing added: the unused UINs left are locked by other hosts' claims in flight; they end in
            // milliseconds, so wait a little before looking again.
            if (await _pool.EnsureAsync(force: true, CancellationToken.None) == 0)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(5 << round));
            }
        }

        return claimed;
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031", Justification = "A UIN that cannot go back stays ISSUED and unused: lost, never handed out twice.")]
    private async Task ReleaseAsync(string uin)
    {
        try
        {
            await _store.ExecuteAsync(Release, [_clock.GetUtcNow().ToUnixTimeMilliseconds(), uin], CancellationToken.None);
        }
        catch (Exception ex)
        {
            _logger.LogWarning(ex, "A claimed but unneeded UIN could not be returned to the pool; it stays unused");
        }
    }

    /// <summary>One caller waiting for a UIN; its cancellation ends the wait, and the claim loop then skips it.</summary>
    private sealed class Waiter
    {
        private readonly TaskCompletionSource<string> _done = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly CancellationTokenRegistration _cancellation;

        public Waiter(CancellationToken cancellationToken) =>
            _cancellation = cancellationToken.Register(static state => ((Waiter)state!)._done.TrySetCanceled(), this);

        public Task<string> Task => _done.Task;

        public bool TryHandOut(string uin)
        {
            _cancellation.Dispose();
            return _done.TrySetResult(uin);
        }

        public void Fail(Exception error)
        {
            _cancellation.Dispose();
            _done.TrySetException(error);
        }
    }
}
