using Microsoft.Extensions.Configuration;

namespace Civitas.Authentication;

public static class AuthenticationModule
{
    /// <summary>ID authentication and eKYC. Needs the keys, kernel, audit, notifications, registry, partners and matching modules.</summary>
    public static IServiceCollection AddCivitasAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }

    public static IEndpointRouteBuilder MapCivitasAuthentication(this IEndpointRouteBuilder routes)
    {
        return routes;
    }
}
