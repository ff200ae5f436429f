using Civitas.Common.Persistence;
using Civitas.Partners.Admin;
using Civitas.Partners.Api;
using Civitas.Partners.Directory;
using Civitas.Partners.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Civitas.Partners;

public static class PartnersModule
{
    /// <summary>Partners, MISPs and policies: their tables, <see cref="IPartnerDirectory"/> and <see cref="IPartnerAdministration"/>. Needs the keys and kernel modules.</summary>
    public static IServiceCollection AddCivitasPartners(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<PartnersOptions>().Bind(configuration.GetSection(PartnersOptions.Section));
        services.AddCivitasModuleDatabase<PartnersDbContext, SqlitePartnersDbContext, PostgresPartnersDbContext>(configuration, PartnersDbContext.Module);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<PartnerDirectory>();
        services.AddSingleton<IPartnerDirectory>(provider => provider.GetRequiredService<PartnerDirectory>());
        services.AddSingleton<PartnerCertificates>();
        services.AddSingleton<PartnerAdministration>();
        services.AddSingleton<IPartnerAdministration>(provider => provider.GetRequiredService<PartnerAdministration>());
        return services;
    }

    public static IEndpointRouteBuilder MapCivitasPartners(this IEndpointRouteBuilder routes)
    {
        routes.MapPartnersApi();
        return routes;
    }
}
