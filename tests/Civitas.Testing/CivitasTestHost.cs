using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Civitas.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Civitas.Testing;

/// <summary>
/// The real Civitas host, listening on 127.0.0.1 with a random port, with its own temporary data directory and
/// database. Tests talk to it over real HTTP with <see cref="Client"/>. <see cref="RestartAsync"/> stops it and
/// starts a new process-equivalent host on the same data directory and database.
/// </summary>
public sealed class CivitasTestHost : IAsyncDisposable
{
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<WebApplication>? _mapExtra;
    private WebApplication? _app;

    private CivitasTestHost(TestDatabase database, string dataDirectory, Dictionary<string, string?> settings, Action<WebApplication>? mapExtra)
    {
        Database = database;
        DataDirectory = dataDirectory;
        _settings = settings;
        _mapExtra = mapExtra;
    }

    public TestDatabase Database { get; }

    public string DataDirectory { get; }

    public Uri BaseAddress { get; private set; } = new("http://127.0.0.1/");

    /// <summary>An anonymous client for the running host.</summary>
    public HttpClient Client { get; private set; } = new();

    public IServiceProvider Services => _app?.Services ?? throw new InvalidOperationException("The host is not running.");

    /// <summary>
    /// Starts a host. <paramref name="settings"/> are configuration keys such as <c>Civitas:MaxRequestBodyBytes</c>;
    /// <paramref name="mapExtra"/> maps test-only routes after the modules'.
    /// </summary>
    public static async Task<CivitasTestHost> StartAsync(IDictionary<string, string?>? settings = null, Action<WebApplication>? mapExtra = null)
    {
        var database = await TestDatabase.CreateAsync();
        var dataDirectory = Path.Combine(Path.GetTempPath(), "civitas-test-" + Guid.NewGuid().ToString("N")[..12]);
        var host = new CivitasTestHost(database, dataDirectory, new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()), mapExtra);
        await host.StartAppAsync();
        return host;
    }

    public async Task RestartAsync()
    {
        await StopAppAsync();
        await StartAppAsync();
    }

    /// <summary>The bootstrap admin credentials the host wrote on first start.</summary>
    public BootstrapCredentials ReadBootstrapCredentials()
    {
        var json = File.ReadAllText(Path.Combine(DataDirectory, "bootstrap-admin.json"));
        return JsonSerializer.Deserialize<BootstrapCredentials>(json) ?? throw new InvalidOperationException("bootstrap-admin.json is empty");
    }

    /// <summary>Asks <c>/connect/token</c> for a token; returns the raw response for tests of failures.</summary>
    public Task<HttpResponseMessage> RequestTokenAsync(string clientId, string clientSecret, string? scope = null)
    {
        var form = new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = clientSecret,
        };
        if (scope is not null)
        {
            form["scope"] = scope;
        }

        return Client.PostAsync("/connect/token", new FormUrlEncodedContent(form));
    }

    public async Task<string> GetTokenAsync(string clientId, string clientSecret, string? scope = null)
    {
        using var response = await RequestTokenAsync(clientId, clientSecret, scope);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return response.IsSuccessStatusCode && body.TryGetProperty("access_token", out var token)
            ? token.GetString()!
            : throw new InvalidOperationException($"Token request failed ({(int)response.StatusCode}): {body}");
    }

    /// <summary>A client authenticated as the bootstrap admin (all scopes).</summary>
    public async Task<HttpClient> CreateAdminClientAsync()
    {
        var credentials = ReadBootstrapCredentials();
        return Authorized(await GetTokenAsync(credentials.ClientId, credentials.ClientSecret));
    }

    /// <summary>Creates a service client limited to <paramref name="scopes"/> and returns an HTTP client using its token.</summary>
    public async Task<HttpClient> CreateServiceClientAsync(params string[] scopes)
    {
        using var admin = await CreateAdminClientAsync();
        using var response = await admin.PostAsJsonAsync("/v1/admin/clients", new { scopes });
        response.EnsureSuccessStatusCode();
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        return Authorized(await GetTokenAsync(created.GetProperty("client_id").GetString()!, created.GetProperty("client_secret").GetString()!));
    }

    /// <summary>An HTTP client for this host that sends <paramref name="accessToken"/>.</summary>
    public HttpClient Authorized(string accessToken)
    {
        var client = new HttpClient { BaseAddress = BaseAddress };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await StopAppAsync();
        await Database.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; a failing dispose would hide the test's own result.
        }
    }

    private async Task StartAppAsync()
    {
        var args = new List<string>
        {
            "--urls=http://127.0.0.1:0",
            $"--Civitas:DataDirectory={DataDirectory}",
            $"--ConnectionStrings:Civitas={Database.ConnectionString}",
            "--Logging:LogLevel:Default=Warning",
            "--Logging:LogLevel:Microsoft.AspNetCore.Diagnostics.ExceptionHandlerMiddleware=None",
        };
        args.AddRange(_settings.Select(setting => $"--{setting.Key}={setting.Value}"));
        var app = CivitasApplication.Build([.. args], mapExtra: _mapExtra);
        await CivitasApplication.PrepareAsync(app);
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address + "/");
        Client = new HttpClient { BaseAddress = BaseAddress };
        _app = app;
    }

    private async Task StopAppAsync()
    {
        if (_app is null)
        {
            return;
        }

        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
        _app = null;
    }
}

/// <summary>The content of <c>bootstrap-admin.json</c>.</summary>
public sealed record BootstrapCredentials(
    [property: System.Text.Json.Serialization.JsonPropertyName("client_id")] string ClientId,
    [property: System.Text.Json.Serialization.JsonPropertyName("client_secret")] string ClientSecret,
    [property: System.Text.Json.Serialization.JsonPropertyName("token_endpoint")] string TokenEndpoint);
