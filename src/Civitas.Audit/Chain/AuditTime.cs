namespace Civitas.Audit.Chain;

/// <summary>
/// Audit times are UTC with microsecond precision: PostgreSQL keeps no finer, and the hash must match what is read back.
/// </summary>
internal static class AuditTime
{
    public static DateTime Normalize(DateTimeOffset time)
    {
        var ticks = time.UtcTicks;
        return new DateTime(ticks - (ticks % TimeSpan.TicksPerMicrosecond), DateTimeKind.Utc);
    }

    public static long ToUnixMicroseconds(DateTime time) =>
        (time.Ticks - DateTime.UnixEpoch.Ticks) / TimeSpan.TicksPerMicrosecond;
}
