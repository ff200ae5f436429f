using Civitas.Audit.Chain;
using Civitas.Common.Envelope;

namespace Civitas.Audit.Api;

/// <summary>The filters of <c>GET /v1/auditmanager/audits</c>, parsed from the query string (all optional).</summary>
internal sealed record AuditQuery(
    DateTime? From, DateTime? To, string? EventType, string? ReferenceId, string? SessionUserId, int PageNumber, int PageSize)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 500;

    /// <summary>Null when a value cannot be read (bad time, page number or size, or from after to).</summary>
    public static AuditQuery? Parse(
        string? fromTime, string? toTime, string? eventType, string? id, string? sessionUserId, string? pageNumber, string? pageSize)
    {
        DateTime? from = null;
        DateTime? to = null;
        if (fromTime is not null)
        {
            if (!MosipTime.TryParse(fromTime, out var parsed))
            {
                return null;
            }

            from = AuditTime.Normalize(parsed);
        }

        if (toTime is not null)
        {
            if (!MosipTime.TryParse(toTime, out var parsed))
            {
                return null;
            }

            to = AuditTime.Normalize(parsed);
        }

        if (from > to)
        {
            return null;
        }

        var page = 0;
        if (pageNumber is not null && (!int.TryParse(pageNumber, System.Globalization.NumberStyles.None, null, out page) || page > 1_000_000))
        {
            return null;
        }

        var size = DefaultPageSize;
        if (pageSize is not null && (!int.TryParse(pageSize, System.Globalization.NumberStyles.None, null, out size) || size is < 1 or > MaxPageSize))
        {
            return null;
        }

        return new AuditQuery(from, to, Blank(eventType), Blank(id), Blank(sessionUserId), page, size);
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value;
}
