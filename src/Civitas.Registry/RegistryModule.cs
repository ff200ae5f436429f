using Civitas.Common.Persistence;
using Civitas.Registry.Api;
using Civitas.Registry.Persistence;
using Civitas.Registry.Protection;
using Microsoft.Extensions.Configuration;

namespace Civitas.Registry;

public static class RegistryModule
{
    /// <summary>The identity registry: its tables, keys and <see cref="IIdentityRegistry"/>. Needs the keys and kernel modules.</summary>
    public static IServiceCollection AddCivitasRegistry(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddCivitasModuleDatabase<RegistryDbContext, SqliteRegistryDbContext, PostgresRegistryDbContext>(configuration, RegistryDbContext.Module);
        services.AddSingleton<RegistryKeyRing>();
        services.AddSingleton<IdentityLookups>();
        services.AddSingleton<IdentityRegistry>();
        services.AddSingleton<IIdentityRegistry>(provider => provider.GetRequiredService<IdentityRegistry>());
        services.AddSingleton<IIdentityImport>(provider => provider.GetRequiredService<IdentityRegistry>());
        return services;
    }

    public static IEndpointRouteBuilder MapCivitasRegistry(this IEndpointRouteBuilder routes)
    {
        routes.MapRegistryApi();
        return routes;
    }
}
