using Civitas.Access;
using Civitas.Kernel;
using Civitas.Audit;
using Civitas.Notifications;
using Civitas.Keys;
using Civitas.Registry;
using Civitas.Partners;
using Civitas.Matching;
using Civitas.Authentication;

namespace Civitas.Host;

/// <summary>
/// Every module Civitas runs, in one place: each contributes services (<c>AddCivitasXxx</c>) and routes
/// (<c>MapCivitasXxx</c>). Add a module here with one line in each method.
/// </summary>
internal static class CivitasModules
{
    public static void AddAll(IServiceCollection services, IConfiguration configuration)
    {
        services.AddCivitasAccess(configuration);
        services.AddCivitasKernel(configuration);
        services.AddCivitasAudit(configuration);
        services.AddCivitasNotifications(configuration);
        services.AddCivitasKeys(configuration);
        services.AddCivitasRegistry(configuration);
        services.AddCivitasPartners(configuration);
        services.AddCivitasMatching(configuration);
        services.AddCivitasAuthentication(configuration);
    }

    public static void MapAll(IEndpointRouteBuilder routes)
    {
        routes.MapCivitasAccess();
        routes.MapCivitasKernel();
        routes.MapCivitasAudit();
        routes.MapCivitasNotifications();
        routes.MapCivitasKeys();
        routes.MapCivitasRegistry();
        routes.MapCivitasPartners();
        routes.MapCivitasAuthentication();
    }
}
