using Civitas.Kernel.Ids;

namespace Civitas.Kernel.Tests;

/// <summary>
/// When the refill loop counts the unused UINs again. A count reads the whole pool (on PostgreSQL a scan of the
/// table, ~90 ms of server CPU for 200,000 UINs), so a busy host must not count every few hundred allocations
/// while the pool is far above its threshold, yet must count before its own allocations could reach it.
/// </summary>
public sealed class UinRefillSignalTests
{
    // After a count far above the threshold the next waits for a quarter of the margin; near the threshold, and
    // before any count, it still comes every 512 allocations.
    [Theory]
    [InlineData(200_000, 50_000, 37_500)]
    [InlineData(5_100, 5_000, 512)]
    [InlineData(null, null, 512)]
    public async Task The_next_count_comes_after_a_quarter_of_the_margin_and_at_least_every_512_allocations(int? unused, int? threshold, int wakesAfter)
    {
        var signal = new UinRefillSignal();
        if (unused is { } counted && threshold is { } limit)
        {
            signal.Counted(counted, limit);
        }

        Allocate(signal, wakesAfter - 1);
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
