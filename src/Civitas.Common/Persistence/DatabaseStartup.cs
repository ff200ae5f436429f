using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Civitas.Common.Persistence;

public static class DatabaseStartup
{
    /// <summary>Prepares the database (SQLite WAL) and applies every module's pending migrations.</summary>
    public static async Task MigrateCivitasDatabasesAsync(this IServiceProvider services, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(services);
        var settings = services.GetRequiredService<DatabaseSettings>();
        var logger = services.GetRequiredService<ILoggerFactory>().CreateLogger("Civitas.Database");
        await DatabasePreparation.PrepareAsync(settings, cancellationToken);
        foreach (var database in services.GetServices<IModuleDatabase>())
        {
            var applied = await database.MigrateAsync(services, cancellationToken);
            if (applied > 0)
            {
                logger.LogInformation("Database module {Module}: applied {Count} migration(s) on {Provider}", database.Module, applied, settings.Provider);
            }
        }
    }
}
