using Civitas.Common.Hosting;
using Civitas.Common.Persistence;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Civitas.Common;

public static class CommonServiceExtensions
{
    /// <summary>Options, clock and database settings that every module relies on.</summary>
    public static IServiceCollection AddCivitasCommon(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<CivitasOptions>()
            .Bind(configuration.GetSection(CivitasOptions.SectionName))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<CivitasOptions>, CivitasOptionsValidator>();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(DatabaseSettings.FromConfiguration(configuration));
        return services;
    }
}
