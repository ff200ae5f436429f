using System.Text.Json;
using System.Text.Json.Serialization;

namespace Civitas.Common.Envelope;

/// <summary>The MOSIP request wrapper: <c>{id, version, requesttime, metadata, request}</c>.</summary>
public sealed class MosipRequest<T>
{
    [JsonPropertyName("id")]
    public string? Id { get; init; }

    [JsonPropertyName("version")]
    public string? Version { get; init; }

    [JsonPropertyName("requesttime")]
    public string? RequestTime { get; init; }

    [JsonPropertyName("metadata")]
    public JsonElement? Metadata { get; init; }

    [JsonPropertyName("request")]
    public T? Request { get; init; }
}
