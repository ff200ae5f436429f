using Civitas.Common;
using Civitas.Common.Persistence;
using Civitas.Host.Hosting;
using Microsoft.Extensions.Options;

namespace Civitas.Host;

/// <summary>Builds and runs the Civitas web host; shared by <c>Program</c>, <c>civitas serve</c> and the test host.</summary>
public static class CivitasApplication
{
    /// <summary>
    /// Builds the host with every module. <paramref name="configure"/> adjusts the builder and
    /// <paramref name="mapExtra"/> adds routes after the modules' (both used by test hosts).
    /// </summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null, Action<WebApplication>? mapExtra = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions
        {
            Args = args,
            // appsettings.json ships beside the binaries; the data directory stays relative to the working directory.
            ContentRootPath = AppContext.BaseDirectory,
        });
        configure?.Invoke(builder);

        var civitas = builder.Configuration.GetSection(CivitasOptions.SectionName).Get<CivitasOptions>() ?? new CivitasOptions();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = civitas.MaxRequestBodyBytes);
        builder.Services.Configure<HostOptions>(host => host.ShutdownTimeout = TimeSpan.FromSeconds(30));

        builder.Services.AddCivitasCommon(builder.Configuration);
        builder.Services.AddCivitasPlatform(civitas);
        CivitasModules.AddAll(builder.Services, builder.Configuration);

        var app = builder.Build();
        app.UseCivitasPlatform();
        CivitasModules.MapAll(app);
        mapExtra?.Invoke(app);
        return app;
    }

    /// <summary>Checks configuration, prepares the data directory, migrates every module, then serves until stopped.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        WebApplication app;
        try
        {
            app = Build(args);
            await PrepareAsync(app);
        }
        catch (Exception ex) when (ex is OptionsValidationException or CivitasConfigurationException)
        {
            await Console.Error.WriteLineAsync("Civitas cannot start:");
            foreach (var line in ex is OptionsValidationException validation ? validation.Failures : [ex.Message])
            {
                await Console.Error.WriteLineAsync("  - " + line);
            }

            return 2;
        }

        await using (app)
        {
            await app.RunAsync();
        }

        return 0;
    }

    /// <summary>Everything that must happen before serving: options check, data directory, migrations.</summary>
    public static async Task PrepareAsync(WebApplication app, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<CivitasOptions>>().Value;
        DataDirectory.Ensure(options);
        await app.Services.MigrateCivitasDatabasesAsync(cancellationToken);
    }
}
