namespace Civitas.Keys.Tests.Support;

/// <summary>A clock the test moves by hand, to walk keys through pre-expiry and expiry.</summary>
internal sealed class ManualClock : TimeProvider
{
    private DateTimeOffset _now;

    public ManualClock(DateTimeOffset start) => _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
