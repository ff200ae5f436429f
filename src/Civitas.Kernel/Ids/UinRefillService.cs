using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Civitas.Kernel.Ids;

/// <summary>Wakes the refill loop early: every so many allocations, so a busy pool is topped up before it runs dry.</summary>
internal sealed class UinRefillSignal
{
    private const int CheckEvery = 512;
    private readonly SemaphoreSlim _wake = new(0, 1);
    private int _allocations;

    public void Allocated()
    {
        if (Interlocked.Increment(ref _allocations) % CheckEvery == 0)
        {
            Wake();
        }
    }

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

    public Task WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _wake.WaitAsync(timeout, cancellationToken);
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
