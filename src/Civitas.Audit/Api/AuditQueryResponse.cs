using System.Text.Json.Serialization;

namespace Civitas.Audit.Api;

/// <summary>One page of audit entries, oldest first, with each entry's chain position and hash.</summary>
internal sealed record AuditQueryResponse(
    [property: JsonPropertyName("pageNumber")] int PageNumber,
    [property: JsonPropertyName("pageSize")] int PageSize,
    [property: JsonPropertyName("totalItems")] long TotalItems,
    [property: JsonPropertyName("data")] IReadOnlyList<AuditEntryView> Data);

internal sealed record AuditEntryView(
    [property: JsonPropertyName("sequence")] long Sequence,
    [property: JsonPropertyName("eventId")] string EventId,
    [property: JsonPropertyName("eventName")] string EventName,
    [property: JsonPropertyName("eventType")] string EventType,
    [property: JsonPropertyName("actionTimeStamp")] string ActionTimeStamp,
    [property: JsonPropertyName("hostName")] string HostName,
    [property: JsonPropertyName("hostIp")] string HostIp,
    [property: JsonPropertyName("applicationId")] string ApplicationId,
    [property: JsonPropertyName("applicationName")] string ApplicationName,
    [property: JsonPropertyName("sessionUserId")] string SessionUserId,
    [property: JsonPropertyName("sessionUserName")] string SessionUserName,
    [property: JsonPropertyName("id")] string Id,
    [property: JsonPropertyName("idType")] string IdType,
    [property: JsonPropertyName("createdBy")] string CreatedBy,
    [property: JsonPropertyName("moduleName")] string? ModuleName,
    [property: JsonPropertyName("moduleId")] string? ModuleId,
    [property: JsonPropertyName("description")] string? Description,
    [property: JsonPropertyName("recordedAt")] string RecordedAt,
    [property: JsonPropertyName("hash")] string Hash);
