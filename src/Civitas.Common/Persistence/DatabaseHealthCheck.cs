using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Civitas.Common.Persistence;

/// <summary>Readiness: every module's database answers. Names the failing module, never the connection string.</summary>
public sealed class DatabaseHealthCheck(IEnumerable<IModuleDatabase> databases, IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        foreach (var database in databases)
        {
            bool reachable;
            try
            {
                reachable = await database.CanConnectAsync(services, cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                reachable = false;
            }

            if (!reachable)
            {
                return HealthCheckResult.Unhealthy($"database of module '{database.Module}' is not reachable");
            }
        }

        return HealthCheckResult.Healthy();
    }
}
