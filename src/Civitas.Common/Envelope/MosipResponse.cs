using System.Text.Json;
using System.Text.Json.Serialization;
using Civitas.Common.Errors;

namespace Civitas.Common.Envelope;

/// <summary>
/// The MOSIP response wrapper. Both <c>response</c> and <c>errors</c> are always written (one of them null),
/// as MOSIP clients expect.
/// </summary>
public sealed class MosipResponse<T>
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("version")]
    public string? Version { get; init; }

    [JsonPropertyName("responsetime")]
    public required string ResponseTime { get; init; }

    [JsonPropertyName("metadata")]
    public JsonElement? Metadata { get; init; }

    [JsonPropertyName("response")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public T? Response { get; init; }

    [JsonPropertyName("errors")]
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public IReadOnlyList<ServiceError>? Errors { get; init; }
}
