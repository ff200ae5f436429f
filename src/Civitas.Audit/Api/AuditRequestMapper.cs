using Civitas.Audit.Writing;
using Civitas.Common.Envelope;
using Civitas.Common.Errors;

namespace Civitas.Audit.Api;

/// <summary>Checks an HTTP audit request and turns it into an <see cref="AuditEvent"/>, or names the seed's error.</summary>
internal static class AuditRequestMapper
{
    public static (AuditEvent? Event, ServiceError? Error) ToEvent(AuditRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.ActionTimeStamp))
        {
            return (null, AuditErrors.MissingParameters);
        }

        if (!MosipTime.TryParse(request.ActionTimeStamp, out var actionTime))
        {
            return (null, AuditErrors.InvalidFormat);
        }

        // Null strings stand in for absent fields here; the validator reports them before the event goes anywhere.
        var auditEvent = new AuditEvent
        {
            EventId = request.EventId!,
            EventName = request.EventName!,
            EventType = request.EventType!,
            ActionTime = actionTime,
            HostName = request.HostName!,
            HostIp = request.HostIp!,
            ApplicationId = request.ApplicationId!,
            ApplicationName = request.ApplicationName!,
            SessionUserId = request.SessionUserId!,
            SessionUserName = request.SessionUserName!,
            ReferenceId = request.Id!,
            ReferenceIdType = request.IdType!,
            CreatedBy = request.CreatedBy!,
            ModuleName = request.ModuleName,
            ModuleId = request.ModuleId,
            Description = request.Description,
        };
        return AuditEventValidator.Validate(auditEvent).Problem switch
        {
            AuditEventProblem.None => (auditEvent, null),
            AuditEventProblem.MissingField => (null, AuditErrors.MissingParameters),
            _ => (null, AuditErrors.InvalidFormat),
        };
    }
}
