namespace Civitas.Audit.Persistence;

/// <summary>Longest accepted value of each field (MOSIP's audit request limits); the columns have the same sizes.</summary>
internal static class AuditFieldLimits
{
    public const int EventId = 64;
    public const int EventName = 128;
    public const int EventType = 64;
    public const int HostName = 128;
    public const int HostIp = 256;
    public const int ApplicationId = 64;
    public const int ApplicationName = 128;
    public const int SessionUserId = 256;
    public const int SessionUserName = 128;
    public const int ReferenceId = 64;
    public const int ReferenceIdType = 64;
    public const int CreatedBy = 256;
    public const int ModuleName = 128;
    public const int ModuleId = 64;
    public const int Description = 2048;
}
