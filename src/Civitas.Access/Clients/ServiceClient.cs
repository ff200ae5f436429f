using System.Text.Json.Serialization;

namespace Civitas.Access.Clients;

/// <summary>A service or admin client as the admin routes show it (never with its secret).</summary>
public sealed record ServiceClient(
    [property: JsonPropertyName("client_id")] string ClientId,
    [property: JsonPropertyName("display_name")] string? DisplayName,
    [property: JsonPropertyName("scopes")] IReadOnlyList<string> Scopes);

/// <summary>A newly created client with its secret: shown once, stored only as a hash.</summary>
public sealed record ServiceClientCredentials(
    [property: JsonPropertyName("client_id")] string ClientId,
    [property: JsonPropertyName("client_secret")] string ClientSecret,
    [property: JsonPropertyName("scopes")] IReadOnlyList<string> Scopes);

/// <summary>Body of <c>POST /v1/admin/clients</c>.</summary>
public sealed record CreateServiceClientRequest(
    [property: JsonPropertyName("client_id")] string? ClientId,
    [property: JsonPropertyName("display_name")] string? DisplayName,
    [property: JsonPropertyName("scopes")] IReadOnlyList<string>? Scopes);
