using Civitas.Kernel.Ids;

namespace Civitas.Kernel.Tests;

/// <summary>
/// When the refill loop counts the unused UINs again. A count reads the whole pool (on PostgreSQL a scan of the
/// table, ~90 ms of server CPU for 200,000 UINs), so a busy host must not count every few hundred allocations
/// while the pool is far above its threshold, yet must count before its own allocations could reach it.
/// </summary>
public sealed class UinRefillSignalTests
{
    [Fact]
    public async Task After_a_count_the_next_one_waits_for_a_quarter_of_the_margin()
    {
        var signal = new UinRefillSignal();
        signal.Counted(unused: 200_000, threshold: 50_000);

        Allocate(signal, 37_499);
        Assert.False(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None));

        Allocate(signal, 1);
        Assert.True(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None));
    }

    [Fact]
    public async Task Near_the_threshold_it_still_counts_every_512_allocations()
    {
        var signal = new UinRefillSignal();
        signal.Counted(unused: 5_100, threshold: 5_000);

        Allocate(signal, 511);
        Assert.False(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None));

        Allocate(signal, 1);
        Assert.True(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None));
    }

    [Fact]
    public async Task Before_the_first_count_it_wakes_after_512_allocations()
    {
        var signal = new UinRefillSignal();

        Allocate(signal, 511);
        Assert.False(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None));

        Allocate(signal, 1);
        Assert.True(await signal.WaitAsync(TimeSpan.Zero, CancellationToken.None));
    }

    private static void Allocate(UinRefillSignal signal, int count)
    {
        for (var i = 0; i < count; i++)
        {
            signal.Allocated();
        }
    }
}
