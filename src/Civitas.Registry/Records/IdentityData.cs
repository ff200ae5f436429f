using System.Text.Json.Serialization;

namespace Civitas.Registry.Records;

/// <summary>A value in one language, the MOSIP shape <c>{language, value}</c>.</summary>
public sealed record LocalizedValue(
    [property: JsonPropertyName("language")] string Language,
    [property: JsonPropertyName("value")] string Value);

/// <summary>
/// What the registry knows of a resident. Stored encrypted as one document; never logged. Biometric templates are
/// base64 strings per modality (e.g. <c>Finger</c>, <c>Iris</c>, <c>Face</c>) for the matchers of ID authentication.
/// </summary>
public sealed record IdentityData
{
    [JsonPropertyName("fullName")]
    public IReadOnlyList<LocalizedValue> FullName { get; init; } = [];

    /// <summary><c>yyyy/MM/dd</c> as MOSIP's ID schema writes it.</summary>
    [JsonPropertyName("dateOfBirth")]
    public string? DateOfBirth { get; init; }

    [JsonPropertyName("gender")]
    public IReadOnlyList<LocalizedValue> Gender { get; init; } = [];

    [JsonPropertyName("phone")]
    public string? Phone { get; init; }

    [JsonPropertyName("email")]
    public string? Email { get; init; }

    [JsonPropertyName("addressLine1")]
    public IReadOnlyList<LocalizedValue> AddressLine1 { get; init; } = [];

    [JsonPropertyName("addressLine2")]
    public IReadOnlyList<LocalizedValue> AddressLine2 { get; init; } = [];

    [JsonPropertyName("addressLine3")]
    public IReadOnlyList<LocalizedValue> AddressLine3 { get; init; } = [];

    [JsonPropertyName("city")]
    public IReadOnlyList<LocalizedValue> City { get; init; } = [];

    [JsonPropertyName("region")]
    public IReadOnlyList<LocalizedValue> Region { get; init; } = [];

    [JsonPropertyName("postalCode")]
    public string? PostalCode { get; init; }

    /// <summary>Base64 face photo (JPEG/PNG); handed out only as eKYC allows.</summary>
    [JsonPropertyName("photo")]
    public string? Photo { get; init; }

    [JsonPropertyName("biometrics")]
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Biometrics { get; init; } = new Dictionary<string, IReadOnlyList<string>>();
}
