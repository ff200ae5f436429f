using Civitas.Audit.Persistence;
using Civitas.Common.Envelope;
using Civitas.Common.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace Civitas.Audit.Api;

/// <summary>The audit manager's MOSIP routes (the seed's path is also the current one).</summary>
internal static class AuditApi
{
    public const string Path = "/v1/auditmanager/audits";
    private const string QueryResponseId = "mosip.kernel.audit.search";

    public static void MapAuditApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithMosipEnvelope(AuditErrors.Prefix).RequireCivitasScope(CivitasScopes.Kernel).WithTags("Audit manager");
        group.MapPost(Path, AddAsync).WithName("AddAudit").WithSummary("Append an audit event to the hash-chained log (answers once it is stored).");
        group.MapGet(Path, QueryAsync).WithName("QueryAudits").WithSummary("Page through audit entries by time range, event type, id and session user.");
    }

    private static async Task<Ok<MosipResponse<AuditResponse>>> AddAsync(MosipBody<AuditRequest> body, IAuditLog log, CancellationToken cancellationToken)
    {
        var (auditEvent, error) = AuditRequestMapper.ToEvent(body.Request);
        if (error is not null)
        {
            return Mosip.Fail<AuditResponse>(body, error);
        }

        // A storage failure propagates: the host answers HTTP 500 with KER-AUD-500 and nothing of this event is kept.
        await log.WriteDurablyAsync(auditEvent!, cancellationToken);
        return Mosip.Ok(body, new AuditResponse(true));
    }

    private static async Task<Ok<MosipResponse<AuditQueryResponse>>> QueryAsync(
        AuditDbContext context,
        [FromQuery] string? fromTime,
        [FromQuery] string? toTime,
        [FromQuery] string? eventType,
        [FromQuery] string? id,
        [FromQuery] string? sessionUserId,
        [FromQuery] string? pageNumber,
        [FromQuery] string? pageSize,
        CancellationToken cancellationToken)
    {
        var query = AuditQuery.Parse(fromTime, toTime, eventType, id, sessionUserId, pageNumber, pageSize);
        if (query is null)
        {
            return Mosip.Fail<AuditQueryResponse>(QueryResponseId, AuditErrors.InvalidFormat);
        }

        var entries = Filter(context.Entries.AsNoTracking(), query);
        var total = await entries.LongCountAsync(cancellationToken);
        var page = await entries.OrderBy(e => e.Sequence)
            .Skip(query.PageNumber * query.PageSize)
            .Take(query.PageSize)
            .ToListAsync(cancellationToken);
        return Mosip.Ok(QueryResponseId, new AuditQueryResponse(query.PageNumber, query.PageSize, total, [.. page.Select(ToView)]));
    }

    private static IQueryable<AuditEntryEntity> Filter(IQueryable<AuditEntryEntity> entries, AuditQuery query)
    {
        if (query.From is { } from)
        {
            entries = entries.Where(e => e.ActionTime >= from);
        }

        if (query.To is { } to)
        {
            entries = entries.Where(e => e.ActionTime <= to);
        }

        if (query.EventType is { } eventType)
        {
            entries = entries.Where(e => e.EventType == eventType);
        }

        if (query.ReferenceId is { } referenceId)
        {
            entries = entries.Where(e => e.ReferenceId == referenceId);
        }

        if (query.SessionUserId is { } sessionUserId)
        {
            entries = entries.Where(e => e.SessionUserId == sessionUserId);
        }

        return entries;
    }

    private static AuditEntryView ToView(AuditEntryEntity e) => new(
        e.Sequence, e.EventId, e.EventName, e.EventType, MosipTime.Format(DateTime.SpecifyKind(e.ActionTime, DateTimeKind.Utc)),
        e.HostName, e.HostIp, e.ApplicationId, e.ApplicationName, e.SessionUserId, e.SessionUserName, e.ReferenceId,
        e.ReferenceIdType, e.CreatedBy, e.ModuleName, e.ModuleId, e.Description,
        MosipTime.Format(DateTime.SpecifyKind(e.RecordedAt, DateTimeKind.Utc)), Convert.ToHexStringLower(e.Hash));
}
