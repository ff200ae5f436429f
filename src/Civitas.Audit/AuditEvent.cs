namespace Civitas.Audit;

/// <summary>
/// One audit event, with MOSIP's audit fields. <see cref="ReferenceId"/>/<see cref="ReferenceIdType"/> are MOSIP's
/// <c>id</c>/<c>idType</c> (what the event is about). Never put secrets (OTPs, keys, PINs) in any field.
/// </summary>
public sealed record AuditEvent
{
    public required string EventId { get; init; }

    public required string EventName { get; init; }

    public required string EventType { get; init; }

    /// <summary>When the audited action happened (stored in UTC to the microsecond).</summary>
    public required DateTimeOffset ActionTime { get; init; }

    public required string HostName { get; init; }

    public required string HostIp { get; init; }

    public required string ApplicationId { get; init; }

    public required string ApplicationName { get; init; }

    public required string SessionUserId { get; init; }

    public required string SessionUserName { get; init; }

    public required string ReferenceId { get; init; }

    public required string ReferenceIdType { get; init; }

    public required string CreatedBy { get; init; }

    public string? ModuleName { get; init; }

    public string? ModuleId { get; init; }

    public string? Description { get; init; }
}
