namespace Civitas.Kernel.Tests;

/// <summary>A clock the test moves by hand, for expiry and freeze without waiting.</summary>
internal sealed class ManualClock(DateTimeOffset start) : TimeProvider
{
    public DateTimeOffset Now { get; private set; } = start;

    public override DateTimeOffset GetUtcNow() => Now;

    public void Advance(TimeSpan by) => Now += by;
}
