using Civitas.Audit.Chain;
using Civitas.Audit.Persistence;

namespace Civitas.Audit.Writing;

/// <summary>Turns a queued event into the next chain entry: number, normalised times, hash over the previous one.</summary>
internal static class AuditEntryFactory
{
    public static AuditEntryEntity Create(AuditEvent e, long sequence, DateTime recordedAt, ReadOnlySpan<byte> previousHash)
    {
        var entry = new AuditEntryEntity
        {
            Sequence = sequence,
            EventId = e.EventId,
            EventName = e.EventName,
            EventType = e.EventType,
            ActionTime = AuditTime.Normalize(e.ActionTime),
            HostName = e.HostName,
            HostIp = e.HostIp,
            ApplicationId = e.ApplicationId,
            ApplicationName = e.ApplicationName,
            SessionUserId = e.SessionUserId,
            SessionUserName = e.SessionUserName,
            ReferenceId = e.ReferenceId,
            ReferenceIdType = e.ReferenceIdType,
            CreatedBy = e.CreatedBy,
            ModuleName = e.ModuleName,
            ModuleId = e.ModuleId,
            Description = e.Description,
            RecordedAt = recordedAt,
        };
        entry.Hash = AuditHashing.Compute(previousHash, entry);
        return entry;
    }
}
