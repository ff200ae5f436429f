using System.Text.Json.Serialization;

namespace Civitas.Audit.Api;

/// <summary>The <c>request</c> of <c>POST /v1/auditmanager/audits</c>, field names as MOSIP clients send them.</summary>
internal sealed class AuditRequest
{
    [JsonPropertyName("eventId")]
    public string? EventId { get; init; }

    [JsonPropertyName("eventName")]
    public string? EventName { get; init; }

    [JsonPropertyName("eventType")]
    public string? EventType { get; init; }

    [JsonPropertyName("actionTimeStamp")]
    public string? ActionTimeStamp { get; init; }

    [JsonPropertyName("hostName")]
    public string? HostName { get; init; }

    [JsonPropertyName("hostIp")]
    public string? HostIp { get; init; }

    [JsonPropertyName("applicationId")]
    public string? ApplicationId { get; init; }

    [JsonPropertyName("applicationName")]
    public string? ApplicationName { get; init; }

    [JsonPropertyName("sessionUserId")]
    public string? SessionUserId { get; init; }

    [JsonPropertyName("sessionUserName")]
    public string? SessionUserName { get; init; }

    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("idType")]
    public string? IdType { get; init; }

    [JsonPropertyName("createdBy")]
    public string? CreatedBy { get; init; }

    [JsonPropertyName("moduleName")]
    public string? ModuleName { get; init; }

    [JsonPropertyName("moduleId")]
    public string? ModuleId { get; init; }

    [JsonPropertyName("description")]
    public string? Description { get; init; }
}

/// <summary>MOSIP's answer to an audit request.</summary>
internal sealed record AuditResponse([property: JsonPropertyName("status")] bool Status);
