namespace Civitas.Matching;

/// <summary>Placeholder until the matchers land: registers nothing yet.</summary>
public static class MatchingModule
{
    public static Microsoft.Extensions.DependencyInjection.IServiceCollection AddCivitasMatching(
        this Microsoft.Extensions.DependencyInjection.IServiceCollection services,
        Microsoft.Extensions.Configuration.IConfiguration configuration)
    {
        _ = configuration;
        return services;
    }
}
