using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Civitas.Common.Security;

namespace Civitas.Host.Tests;

/// <summary>Service authentication: the bootstrap admin, the token endpoint, and 401/403 on protected routes.</summary>
public sealed class AccessTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private const string ClientsRoute = "/v1/admin/clients";

    [Fact]
    public void Bootstrap_credentials_file_is_owner_only_and_names_the_token_endpoint()
    {
        var path = Path.Combine(fixture.Host.DataDirectory, "bootstrap-admin.json");
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }

        var credentials = fixture.Host.ReadBootstrapCredentials();
        Assert.Equal("civitas-admin", credentials.ClientId);
        Assert.True(credentials.ClientSecret.Length >= 40);
        Assert.Equal(new Uri(fixture.Host.BaseAddress, "/connect/token").ToString(), credentials.TokenEndpoint);
    }

    [Fact]
    public async Task Bootstrap_token_is_accepted_on_an_admin_route()
    {
        using var admin = await fixture.Host.CreateAdminClientAsync();
        using var response = await admin.GetAsync(ClientsRoute);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var clients = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(clients.EnumerateArray(), c => c.GetProperty("client_id").GetString() == "civitas-admin");
        Assert.DoesNotContain("secret", await response.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Token_response_is_a_bearer_jwt_with_the_requested_scope_only()
    {
        var credentials = fixture.Host.ReadBootstrapCredentials();
        using var response = await fixture.Host.RequestTokenAsync(credentials.ClientId, credentials.ClientSecret, CivitasScopes.Keys);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(3, body.GetProperty("access_token").GetString()!.Split('.').Length);

        // A token limited to civitas.keys cannot reach the admin routes even for the admin client.
        using var limited = fixture.Host.Authorized(body.GetProperty("access_token").GetString()!);
        using var forbidden = await limited.GetAsync(ClientsRoute);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
    }

    [Fact]
    public async Task Wrong_secret_is_refused_as_invalid_client()
    {
        using var response = await fixture.Host.RequestTokenAsync("civitas-admin", "not-the-secret");
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized, $"status {response.StatusCode}");
        Assert.Equal("invalid_client", body.GetProperty("error").GetString());
        Assert.False(body.TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task Unknown_client_and_unsupported_grant_are_refused()
    {
        using var unknown = await fixture.Host.RequestTokenAsync("nobody", "whatever");
        Assert.Equal("invalid_client", (await unknown.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());

        using var password = await fixture.Host.Client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["username"] = "a",
            ["password"] = "b",
        }));
        Assert.Equal(HttpStatusCode.BadRequest, password.StatusCode);
        Assert.Equal("unsupported_grant_type", (await password.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }

    [Fact]
    public async Task Missing_or_forged_token_is_401()
    {
        using var none = await fixture.Host.Client.GetAsync(ClientsRoute);
        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);

        using var forged = fixture.Host.Authorized("eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4Iiwic2NvcGUiOiJjaXZpdGFzLmFkbWluIn0.");
        using var response = await forged.GetAsync(ClientsRoute);
        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task Client_without_the_admin_scope_gets_403_and_cannot_ask_for_it()
    {
        using var keysOnly = await fixture.Host.CreateServiceClientAsync(CivitasScopes.Keys);
        using var response = await keysOnly.GetAsync(ClientsRoute);
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);

        using var admin = await fixture.Host.CreateAdminClientAsync();
        using var created = await admin.PostAsJsonAsync(ClientsRoute, new { client_id = "keys-service", scopes = new[] { CivitasScopes.Keys } });
        var credentials = await created.Content.ReadFromJsonAsync<JsonElement>();
        using var escalation = await fixture.Host.RequestTokenAsync("keys-service", credentials.GetProperty("client_secret").GetString()!, CivitasScopes.Admin);
        Assert.Equal(HttpStatusCode.BadRequest, escalation.StatusCode);
        var refusal = await escalation.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(refusal.GetProperty("error").GetString(), new[] { "invalid_scope", "invalid_request" });
        Assert.False(refusal.TryGetProperty("access_token", out _));
    }

    [Fact]
    public async Task Creating_clients_validates_input_and_refuses_duplicates()
    {
        using var admin = await fixture.Host.CreateAdminClientAsync();
        using var unknownScope = await admin.PostAsJsonAsync(ClientsRoute, new { scopes = new[] { "root" } });
        Assert.Equal(HttpStatusCode.BadRequest, unknownScope.StatusCode);
        Assert.Contains("Unknown scope", await unknownScope.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var badId = await admin.PostAsJsonAsync(ClientsRoute, new { client_id = "a b", scopes = new[] { CivitasScopes.Kernel } });
        Assert.Equal(HttpStatusCode.BadRequest, badId.StatusCode);

        using var malformed = await admin.PostAsync(ClientsRoute, new StringContent("{", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);

        using var first = await admin.PostAsJsonAsync(ClientsRoute, new { client_id = "dup-client", scopes = new[] { CivitasScopes.Kernel } });
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        using var second = await admin.PostAsJsonAsync(ClientsRoute, new { client_id = "dup-client", scopes = new[] { CivitasScopes.Kernel } });
        Assert.Equal(HttpStatusCode.Conflict, second.StatusCode);
    }

    [Fact]
    public async Task Deleted_client_can_no_longer_get_tokens()
    {
        using var admin = await fixture.Host.CreateAdminClientAsync();
        using var created = await admin.PostAsJsonAsync(ClientsRoute, new { client_id = "short-lived", scopes = new[] { CivitasScopes.Kernel } });
        var secret = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("client_secret").GetString()!;
        using (var before = await fixture.Host.RequestTokenAsync("short-lived", secret))
        {
            Assert.Equal(HttpStatusCode.OK, before.StatusCode);
        }

        using var deleted = await admin.DeleteAsync(ClientsRoute + "/short-lived");
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        using var after = await fixture.Host.RequestTokenAsync("short-lived", secret);
        Assert.Equal("invalid_client", (await after.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("error").GetString());
    }
}
