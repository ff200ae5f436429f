using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Civitas.Matching.Tests;

/// <summary>A container with the matching module and the given configuration, as the host would build it.</summary>
internal static class TestServices
{
    public static ServiceProvider Build(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? before = null, Action<IServiceCollection>? after = null)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection();
        before?.Invoke(services);
        services.AddCivitasMatching(configuration);
        after?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true, ValidateScopes = true });
    }
}
