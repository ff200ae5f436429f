using Civitas.Audit;
using Civitas.Authentication.Persistence;
using Microsoft.Extensions.Logging;

namespace Civitas.Authentication.Transactions;

/// <summary>
/// One audit event per authentication, queued without waiting for the audit log's commit. It refers to the auth
/// transaction row (by its id), never to the individual or a factor value.
/// </summary>
internal sealed partial class AuthAudit(IAuditLog audit, ILogger<AuthAudit> logger)
{
    private static readonly string HostName = Environment.MachineName;

    public async ValueTask WriteAsync(AuthTransactionRow row, string partnerName, string hostIp)
    {
        var auditEvent = new AuditEvent
        {
            EventId = row.Succeeded ? "IDA-AUTH-SUCCESS" : "IDA-AUTH-FAILURE",
            EventName = "ID authentication " + row.RequestType,
            EventType = "BUSINESS",
            ActionTime = new DateTimeOffset(DateTime.SpecifyKind(row.ResponseTimeUtc, DateTimeKind.Utc)),
            HostName = HostName,
            HostIp = hostIp,
            ApplicationId = "IDA",
            ApplicationName = "ID Authentication",
            SessionUserId = row.PartnerId,
            SessionUserName = partnerName,
            ReferenceId = row.Id.ToString(),
            ReferenceIdType = "AUTH_TRANSACTION",
            CreatedBy = "civitas-authentication",
            ModuleName = "Authentication",
            ModuleId = "IDA-AUTH",
            Description = $"{row.RequestType} [{row.AuthTypes}] transaction {row.TransactionId}: {(row.Succeeded ? "success" : "failure " + row.ErrorCode)}",
        };
        try
        {
            await audit.WriteAsync(auditEvent);
        }
        catch (InvalidOperationException ex)
        {
            // The audit log has shut down (host stopping); the transaction row is already written.
            LogAuditUnavailable(logger, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Audit log unavailable; an authentication event was not audited")]
    private static partial void LogAuditUnavailable(ILogger logger, Exception exception);
}
