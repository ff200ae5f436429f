using Civitas.Audit;

namespace Civitas.Benchmarks.Audit;

/// <summary>Realistic audit events (MOSIP-sized fields), built before timing starts.</summary>
internal static class SampleEvents
{
    public static AuditEvent Create(int n) => new()
    {
        EventId = "ADM-" + (n % 1000).ToString("D4", System.Globalization.CultureInfo.InvariantCulture),
        EventName = "Authentication request",
        EventType = n % 2 == 0 ? "Business Event" : "Security Event",
        ActionTime = DateTimeOffset.UtcNow,
        HostName = "ida-node-1",
        HostIp = "10.0.4.17",
        ApplicationId = "IDA",
        ApplicationName = "ID Authentication",
        SessionUserId = "partner-" + (n % 50),
        SessionUserName = "Relying party",
        ReferenceId = "8" + n.ToString("D11", System.Globalization.CultureInfo.InvariantCulture),
        ReferenceIdType = "UIN",
        CreatedBy = "ida",
        ModuleName = "Authentication",
        ModuleId = "IDA-AUT",
        Description = "OTP authentication succeeded for transaction " + n,
    };
}
