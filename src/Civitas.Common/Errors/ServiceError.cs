using System.Text.Json.Serialization;

namespace Civitas.Common.Errors;

/// <summary>One entry of the error catalogue: a stable code (e.g. <c>KER-CRY-003</c>) and its message.</summary>
/// <remarks>Messages are fixed text from the catalogue; never put secrets or exception details in them.</remarks>
public sealed record ServiceError(
    [property: JsonPropertyName("errorCode")] string ErrorCode,
    [property: JsonPropertyName("message")] string Message)
{
    /// <summary>The same code with a more specific message (e.g. which field is missing).</summary>
    public ServiceError WithDetail(string detail) => this with { Message = $"{Message}: {detail}" };
}
