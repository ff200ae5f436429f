using Microsoft.Extensions.Configuration;

namespace Civitas.Partners;

public static class PartnersModule
{
    /// <summary>Partners, MISPs and policies: their tables and <see cref="IPartnerDirectory"/>. Needs the keys and kernel modules.</summary>
    public static IServiceCollection AddCivitasPartners(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }

    public static IEndpointRouteBuilder MapCivitasPartners(this IEndpointRouteBuilder routes)
    {
        return routes;
    }
}
