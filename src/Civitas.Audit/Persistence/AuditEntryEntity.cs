namespace Civitas.Audit.Persistence;

/// <summary>
/// One row of the append-only log. <see cref="Sequence"/> is assigned by the writer (1, 2, 3, ... without gaps) and
/// <see cref="Hash"/> = SHA-256(previous entry's hash, this entry's fields); see <c>AuditHashing</c>.
/// </summary>
internal sealed class AuditEntryEntity
{
    public long Sequence { get; set; }

    public string EventId { get; set; } = "";

    public string EventName { get; set; } = "";

    public string EventType { get; set; } = "";

    /// <summary>UTC, microsecond precision (what both engines store exactly, so the hash survives a round trip).</summary>
    public DateTime ActionTime { get; set; }

    public string HostName { get; set; } = "";

    public string HostIp { get; set; } = "";

    public string ApplicationId { get; set; } = "";

    public string ApplicationName { get; set; } = "";

    public string SessionUserId { get; set; } = "";

    public string SessionUserName { get; set; } = "";

    public string ReferenceId { get; set; } = "";

    public string ReferenceIdType { get; set; } = "";

    public string CreatedBy { get; set; } = "";

    public string? ModuleName { get; set; }

    public string? ModuleId { get; set; }

    public string? Description { get; set; }

    /// <summary>When the writer appended the entry (UTC, microseconds); part of the hash.</summary>
    public DateTime RecordedAt { get; set; }

    public byte[] Hash { get; set; } = [];
}
