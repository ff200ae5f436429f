using System.Text.Json.Serialization;

namespace Civitas.Notifications.Api;

/// <summary>The <c>request</c> of the SMS route.</summary>
internal sealed class SmsRequest
{
    [JsonPropertyName("number")]
    public string? Number { get; init; }

    [JsonPropertyName("message")]
    public string? Message { get; init; }
}

/// <summary>MOSIP's answer to both notifier routes: <c>{status: "success", message}</c>.</summary>
internal sealed record NotifierResponse(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("message")] string Message);
