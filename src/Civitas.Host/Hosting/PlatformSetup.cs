using Civitas.Common;
using Civitas.Common.Persistence;
using Civitas.Common.Security;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using Scalar.AspNetCore;

namespace Civitas.Host.Hosting;

/// <summary>What the host adds around the modules: errors, request ids, health, API docs.</summary>
internal static partial class PlatformSetup
{
    public static IServiceCollection AddCivitasPlatform(this IServiceCollection services, CivitasOptions options)
    {
        // Framework features that protect data (e.g. antiforgery) keep their keys in the data directory, not in $HOME.
        services.AddDataProtection()
            .SetApplicationName("Civitas")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(options.DataDirectoryFullPath, "dataprotection")));
        services.AddProblemDetails();
        services.AddCivitasOpenApi();
        services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        return services;
    }

    public static WebApplication UseCivitasPlatform(this WebApplication app)
    {
        app.UseMiddleware<RequestIdMiddleware>();
        app.UseExceptionHandler(new ExceptionHandlerOptions { ExceptionHandler = UnexpectedErrorHandler.WriteAsync });
        app.UseStatusCodePages();
        app.UseAuthentication();
        app.UseAuthorization();

        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false }).AllowWithoutToken();
        app.MapHealthChecks("/health/ready", new HealthCheckOptions { Predicate = check => check.Tags.Contains("ready") }).AllowWithoutToken();
        app.MapOpenApi(OpenApiSetup.DocumentRoute).AllowWithoutToken();
        app.MapScalarApiReference("/docs", options => options
            .WithTitle("Civitas API")
            .WithOpenApiRoutePattern(OpenApiSetup.DocumentRoute)).AllowWithoutToken();

        app.Lifetime.ApplicationStarted.Register(() => AnnounceAddresses(app));
        return app;
    }

    private static void AnnounceAddresses(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var options = app.Services.GetRequiredService<IOptions<CivitasOptions>>().Value;
        var database = app.Services.GetRequiredService<DatabaseSettings>().Provider;
        var first = addresses.FirstOrDefault() ?? "";
        LogReady(app.Logger, string.Join(", ", addresses), first + "/docs", options.DataDirectoryFullPath, database);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Civitas is listening on {Addresses}. API docs: {DocsUrl}. Data directory: {DataDirectory}. Database: {Database}.")]
    private static partial void LogReady(ILogger logger, string addresses, string docsUrl, string dataDirectory, DatabaseProvider database);
}
