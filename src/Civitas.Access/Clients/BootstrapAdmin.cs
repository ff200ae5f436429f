using System.Text.Json;
using Civitas.Common;
using Civitas.Common.Hosting;
using Civitas.Common.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Civitas.Access.Clients;

/// <summary>
/// On the first start (no bootstrap client in the database yet) creates the admin client with every scope and
/// writes its credentials to <c>&lt;data-dir&gt;/bootstrap-admin.json</c>, readable only by the owner.
/// Runs once the server listens, so the file can name the real token endpoint.
/// </summary>
internal sealed partial class BootstrapAdmin(
    IServiceScopeFactory scopes,
    IServer server,
    IOptions<CivitasOptions> civitas,
    IOptions<AccessOptions> access,
    ILogger<BootstrapAdmin> logger) : IHostedLifecycleService
{
    public const string FileName = "bootstrap-admin.json";

    public async Task StartedAsync(CancellationToken cancellationToken)
    {
        var clientId = access.Value.BootstrapClientId;
        var path = Path.Combine(civitas.Value.DataDirectoryFullPath, FileName);
        await using var scope = scopes.CreateAsyncScope();
        var registry = scope.ServiceProvider.GetRequiredService<ServiceClientRegistry>();
        if (await registry.ExistsAsync(clientId, cancellationToken))
        {
            LogExisting(logger, clientId, path);
            return;
        }

        ServiceClientCredentials credentials;
        try
        {
            credentials = await registry.CreateAsync(clientId, "Civitas bootstrap administrator", CivitasScopes.All, cancellationToken);
        }
        catch (Exception ex) when (ex is OpenIddict.Abstractions.OpenIddictExceptions.ValidationException or InvalidOperationException or Microsoft.EntityFrameworkCore.DbUpdateException)
        {
            // Another host sharing the database created it first.
            LogExisting(logger, clientId, path);
            return;
        }

        var document = new Dictionary<string, string>
        {
            ["client_id"] = credentials.ClientId,
            ["client_secret"] = credentials.ClientSecret,
            ["token_endpoint"] = TokenEndpointUrl(),
        };
        SecretFile.WriteAllText(path, JsonSerializer.Serialize(document, IndentedJson));
        LogCreated(logger, clientId, path);
    }

    private string TokenEndpointUrl()
    {
        var baseUrl = civitas.Value.PublicBaseUrl;
        if (string.IsNullOrEmpty(baseUrl))
        {
            baseUrl = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault() ?? "http://localhost:5080";
        }

        return baseUrl.TrimEnd('/') + Tokens.TokenEndpoint.Path;
    }

    private static readonly JsonSerializerOptions IndentedJson = new() { WriteIndented = true };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Created the bootstrap admin client '{ClientId}'. Its credentials are in {Path} (owner-only); use them to get a token at /connect/token and create your own clients.")]
    private static partial void LogCreated(ILogger logger, string clientId, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Bootstrap admin client '{ClientId}' exists; its credentials were written to {Path} when it was created.")]
    private static partial void LogExisting(ILogger logger, string clientId, string path);

    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
