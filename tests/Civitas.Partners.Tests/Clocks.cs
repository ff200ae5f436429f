namespace Civitas.Partners.Tests;

/// <summary>A clock the test moves by hand; starts at the real time so kernel data (written by the real clock) agrees.</summary>
internal sealed class ManualClock : TimeProvider
{
    private TimeSpan _offset;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;

    public override long GetTimestamp() => System.GetTimestamp() + (long)(_offset.TotalSeconds * System.TimestampFrequency);

    public void Advance(TimeSpan by) => _offset += by;
}
