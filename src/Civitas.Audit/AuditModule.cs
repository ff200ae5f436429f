using Civitas.Audit.Api;
using Civitas.Audit.Chain;
using Civitas.Audit.Persistence;
using Civitas.Audit.Writing;
using Civitas.Common.Persistence;
using Microsoft.Extensions.Configuration;

namespace Civitas.Audit;

public static class AuditModule
{
    /// <summary>
    /// The audit log: <see cref="IAuditLog"/> for other modules (batched background writer, drained on shutdown),
    /// <see cref="IAuditChainVerifier"/> for <c>civitas audit verify</c>, and the tables of the hash chain.
    /// </summary>
    public static IServiceCollection AddCivitasAudit(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AuditOptions>().Bind(configuration.GetSection(AuditOptions.SectionName));
        services.AddCivitasModuleDatabase<AuditDbContext, SqliteAuditDbContext, PostgresAuditDbContext>(configuration, AuditDbContext.Module);
        if (DatabaseSettings.FromConfiguration(configuration).Provider == DatabaseProvider.Sqlite)
        {
            services.AddSingleton<IAuditAppender, SqliteAuditAppender>();
        }
        else
        {
            services.AddSingleton<IAuditAppender, PostgresAuditAppender>();
        }

        services.AddSingleton<AuditBatchWriter>();
        services.AddSingleton<IAuditLog>(provider => provider.GetRequiredService<AuditBatchWriter>());
        services.AddHostedService(provider => provider.GetRequiredService<AuditBatchWriter>());
        services.AddSingleton<IAuditChainVerifier, AuditChainVerifier>();
        return services;
    }

    public static IEndpointRouteBuilder MapCivitasAudit(this IEndpointRouteBuilder routes)
    {
        routes.MapAuditApi();
        return routes;
    }
}
