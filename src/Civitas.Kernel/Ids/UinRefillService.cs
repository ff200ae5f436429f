using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Civitas.Kernel.Ids;

/// <summary>
/// Wakes the refill loop early, before the allocations of a busy host could take the pool below its threshold.
/// Each count of the unused UINs says how far that is; the next count waits for a quarter of that margin in
/// allocations here (a quarter, as other hosts draw on the same pool; the periodic check and a claim that comes
/// up short still refill whatever the estimate). Counting the unused UINs reads the whole pool (on PostgreSQL a
/// scan of the table, 40–90 ms of server CPU for 200,000 UINs): done every 512 allocations, as before, it cost
/// more server CPU per UIN than the claims themselves (bench/README.md).
/// </summary>
internal sealed class UinRefillSignal
{
    private const int MinCheckEvery = 512;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private long _allocations;
    private long _checkAt = MinCheckEvery;

    public void Allocated()
    {
        if (Interlocked.Increment(ref _allocations) >= Volatile.Read(ref _checkAt))
        {
            Wake();
        }
    }

    /// <summary>A count found <paramref name="unused"/> UINs against a refill threshold of <paramref name="threshold"/>.</summary>
    public void Counted(long unused, long threshold) =>
        Volatile.Write(ref _checkAt, Interlocked.Read(ref _allocations) + Math.Max(MinCheckEvery, (unused - threshold) / 4));

    public void Wake()
    {
        if (_wake.CurrentCount == 0)
        {
            try
            {
                _wake.Release();
            }
            catch (SemaphoreFullException)
            {
                // Already signalled by another thread: one wake-up is enough.
            }
        }
    }

    /// <summary>Waits for a wake-up or <paramref name="timeout"/>; true when woken.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);
}

/// <summary>Keeps the UIN pool above its threshold in the background (at start, periodically and when signalled).</summary>
internal sealed class UinRefillService(
    UinPool pool,
    UinRefillSignal signal,
    IOptions<KernelOptions> options,
    ILogger<UinRefillService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = TimeSpan.FromSeconds(Math.Max(1, options.Value.Uin.RefillCheckSeconds));
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await pool.EnsureAsync(force: false, stoppingToken);
                await signal.WaitAsync(interval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // A failed refill (database briefly away) is retried on the next round; allocations refill on demand.
                logger.LogError(ex, "UIN pool refill failed");
                await Task.Delay(interval, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }
}
