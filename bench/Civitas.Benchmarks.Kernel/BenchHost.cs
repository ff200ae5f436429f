using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Civitas.Common.Security;
using Civitas.Host;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Civitas.Benchmarks.Kernel;

/// <summary>The real Civitas host on 127.0.0.1 with a temporary data directory, and a kernel-scoped bearer token.</summary>
internal sealed class BenchHost : IAsyncDisposable
{
    private BenchHost(WebApplication app, Uri address, string token, string dataDirectory)
    {
        App = app;
        Address = address;
        Token = token;
        DataDirectory = dataDirectory;
    }

    public WebApplication App { get; }

    public Uri Address { get; }

    public string Token { get; }

    public string DataDirectory { get; }

    public static async Task<BenchHost> StartAsync(string? connectionString, int port)
    {
        var dataDirectory = Path.Combine(Path.GetTempPath(), "civitas-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var app = CivitasApplication.Build(
        [
            $"--urls=http://127.0.0.1:{port}",
            $"--Civitas:DataDirectory={dataDirectory}",
            $"--ConnectionStrings:Civitas={connectionString}",
            "--Logging:LogLevel:Default=Warning",
            "--Civitas:Kernel:Uin:UinsToGenerate=200000",
            "--Civitas:Kernel:Uin:MinUnusedThreshold=50000",
        ]);
        await CivitasApplication.PrepareAsync(app);
        await app.StartAsync();
        // Let the first pool refill finish: measured operations should not share the machine with it.
        await app.Services.GetRequiredService<Civitas.Kernel.Ids.UinPool>().EnsureAsync(force: false, CancellationToken.None);
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First() + "/");

        using var anonymous = new HttpClient { BaseAddress = address };
        var admin = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(dataDirectory, "bootstrap-admin.json"))).RootElement;
        var adminToken = await TokenAsync(anonymous, admin.GetProperty("client_id").GetString()!, admin.GetProperty("client_secret").GetString()!);
        anonymous.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", adminToken);
        using var created = await anonymous.PostAsJsonAsync("/v1/admin/clients", new { scopes = new[] { CivitasScopes.Kernel } });
        var client = await created.Content.ReadFromJsonAsync<JsonElement>();
        anonymous.DefaultRequestHeaders.Authorization = null;
        var token = await TokenAsync(anonymous, client.GetProperty("client_id").GetString()!, client.GetProperty("client_secret").GetString()!);
        return new BenchHost(app, address, token, dataDirectory);
    }

    public HttpClient CreateClient()
    {
        var client = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = 1024 }) { BaseAddress = Address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        return client;
    }

    public async ValueTask DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task<string> TokenAsync(HttpClient client, string id, string secret)
    {
        using var response = await client.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = id,
            ["client_secret"] = secret,
        }));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        return body.GetProperty("access_token").GetString()!;
    }
}
