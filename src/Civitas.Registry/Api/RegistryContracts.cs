using System.Text.Json.Serialization;
using Civitas.Registry.Records;

namespace Civitas.Registry.Api;

public sealed record CreateIdentityRequest(
    [property: JsonPropertyName("uin")] string? Uin,
    [property: JsonPropertyName("identity")] IdentityData? Identity,
    [property: JsonPropertyName("staticPin")] string? StaticPin);

public sealed record UpdateIdentityRequest([property: JsonPropertyName("identity")] IdentityData? Identity);

public sealed record IdentityStatusRequest([property: JsonPropertyName("status")] string? Status);

public sealed record IssueVidRequest([property: JsonPropertyName("vidType")] string? VidType);

public sealed record AuthLockRequest([property: JsonPropertyName("locked")] bool Locked);

/// <summary>
/// An identity as the admin routes show it. Biometric templates are never returned, only which modalities
/// are enrolled and how many templates each has; the static PIN only as whether one is set.
/// </summary>
public sealed record IdentityView(
    [property: JsonPropertyName("uin")] string Uin,
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("identity")] IdentityData Identity,
    [property: JsonPropertyName("biometrics")] IReadOnlyDictionary<string, int> Biometrics,
    [property: JsonPropertyName("hasStaticPin")] bool HasStaticPin,
    [property: JsonPropertyName("lockedAuthTypes")] IReadOnlyList<string> LockedAuthTypes,
    [property: JsonPropertyName("createdAt")] DateTime CreatedAt,
    [property: JsonPropertyName("updatedAt")] DateTime UpdatedAt)
{
    internal static IdentityView From(IdentityRecord record) => new(
        record.Uin,
        record.Status.ToString().ToUpperInvariant(),
        record.Data with { Biometrics = new Dictionary<string, IReadOnlyList<string>>() },
        record.Data.Biometrics.ToDictionary(pair => pair.Key, pair => pair.Value.Count, StringComparer.Ordinal),
        record.HasStaticPin,
        [.. record.LockedAuthTypes.Order(StringComparer.Ordinal)],
        DateTime.SpecifyKind(record.CreatedAtUtc, DateTimeKind.Utc),
        DateTime.SpecifyKind(record.UpdatedAtUtc, DateTimeKind.Utc));
}

public sealed record IssuedVidView(
    [property: JsonPropertyName("vid")] string Vid,
    [property: JsonPropertyName("vidType")] string VidType,
    [property: JsonPropertyName("expiresAt")] DateTimeOffset? ExpiresAt);
