using System.Net;
using Civitas.Audit.Persistence;

namespace Civitas.Audit.Writing;

/// <summary>What is wrong with an event: a required field is missing, or a field has the wrong format or length.</summary>
internal enum AuditEventProblem
{
    None,
    MissingField,
    BadFormat,
}

/// <summary>
/// The one set of rules for audit events, applied to library writes and HTTP requests alike, so the background
/// writer never meets an event the database would reject (one bad event must not block the queue).
/// </summary>
internal static class AuditEventValidator
{
    public static (AuditEventProblem Problem, string? Field) Validate(AuditEvent auditEvent)
    {
        ArgumentNullException.ThrowIfNull(auditEvent);
        var required = Required(auditEvent);
        if (required.Problem != AuditEventProblem.None)
        {
            return required;
        }

        if (auditEvent.ActionTime.UtcDateTime.Year is < 1970 or > 9999)
        {
            return (AuditEventProblem.BadFormat, "actionTimeStamp");
        }

        if (!IPAddress.TryParse(auditEvent.HostIp, out _))
        {
            return (AuditEventProblem.BadFormat, "hostIp");
        }

        return Optional(auditEvent);
    }

    private static (AuditEventProblem Problem, string? Field) Required(AuditEvent e)
    {
        (string? Value, int Limit, string Name)[] fields =
        [
            (e.EventId, AuditFieldLimits.EventId, "eventId"),
            (e.EventName, AuditFieldLimits.EventName, "eventName"),
            (e.EventType, AuditFieldLimits.EventType, "eventType"),
            (e.HostName, AuditFieldLimits.HostName, "hostName"),
            (e.HostIp, AuditFieldLimits.HostIp, "hostIp"),
            (e.ApplicationId, AuditFieldLimits.ApplicationId, "applicationId"),
            (e.ApplicationName, AuditFieldLimits.ApplicationName, "applicationName"),
            (e.SessionUserId, AuditFieldLimits.SessionUserId, "sessionUserId"),
            (e.SessionUserName, AuditFieldLimits.SessionUserName, "sessionUserName"),
            (e.ReferenceId, AuditFieldLimits.ReferenceId, "id"),
            (e.ReferenceIdType, AuditFieldLimits.ReferenceIdType, "idType"),
            (e.CreatedBy, AuditFieldLimits.CreatedBy, "createdBy"),
        ];
        foreach (var (value, _, name) in fields)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                return (AuditEventProblem.MissingField, name);
            }
        }

        foreach (var (value, limit, name) in fields)
        {
            if (!IsClean(value!, limit))
            {
                return (AuditEventProblem.BadFormat, name);
            }
        }

        return (AuditEventProblem.None, null);
    }

    private static (AuditEventProblem Problem, string? Field) Optional(AuditEvent e)
    {
        if (e.ModuleName is { } moduleName && !IsClean(moduleName, AuditFieldLimits.ModuleName))
        {
            return (AuditEventProblem.BadFormat, "moduleName");
        }

        if (e.ModuleId is { } moduleId && !IsClean(moduleId, AuditFieldLimits.ModuleId))
        {
            return (AuditEventProblem.BadFormat, "moduleId");
        }

        // The description may span lines, but is still bounded and free of NUL (PostgreSQL rejects it in text).
        if (e.Description is { } description && (description.Length > AuditFieldLimits.Description || description.Contains('\0', StringComparison.Ordinal)))
        {
            return (AuditEventProblem.BadFormat, "description");
        }

        return (AuditEventProblem.None, null);
    }

    /// <summary>Within the column size and without control characters (which would let a value forge log lines).</summary>
    private static bool IsClean(string value, int limit)
    {
        if (value.Length > limit)
        {
            return false;
        }

        foreach (var c in value)
        {
            if (char.IsControl(c))
            {
                return false;
            }
        }

        return true;
    }
}
