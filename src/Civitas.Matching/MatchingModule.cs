using Civitas.Matching.Biometrics;
using Civitas.Matching.Demographics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Civitas.Matching;

/// <summary>Registers the matchers: <see cref="IDemographicMatcher"/>, <see cref="IDemographicMatchPolicy"/>, the built-in
/// Finger, Iris and Face <see cref="IBiometricMatcher"/>s and <see cref="IBiometricMatchers"/> to pick one by modality.</summary>
public static class MatchingModule
{
    /// <summary>The modalities the built-in feature-vector matcher serves.</summary>
    public static IReadOnlyList<string> BuiltInModalities { get; } = ["Finger", "Iris", "Face"];

    /// <summary>
    /// Registers the matchers with thresholds from <c>Civitas:Matching:Demographics</c>
    /// (<see cref="DemographicMatchingOptions"/>) and <c>Civitas:Matching:Biometrics</c>
    /// (<see cref="BiometricMatchingOptions"/>); configurations that would let anything match stop the host at start.
    /// Calling it again changes nothing.
    /// </summary>
    public static IServiceCollection AddCivitasMatching(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configuration);
        if (services.Any(descriptor => descriptor.ServiceType == typeof(Registered)))
        {
            return services; // already added: registering the built-in matchers twice would duplicate them
        }

        services.AddSingleton<Registered>();

        services.AddOptions<DemographicMatchingOptions>().Bind(configuration.GetSection(DemographicMatchingOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<DemographicMatchingOptions>, DemographicMatchingOptionsValidator>();
        services.AddOptions<BiometricMatchingOptions>().Bind(configuration.GetSection(BiometricMatchingOptions.SectionName)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<BiometricMatchingOptions>, BiometricMatchingOptionsValidator>();

        services.TryAddSingleton<IDemographicMatcher, DemographicMatcher>();
        services.TryAddSingleton<IDemographicMatchPolicy, DemographicMatchPolicy>();
        // Built-in matchers go before any vendor matcher already registered, so that IEnumerable<IBiometricMatcher>
        // lists them first whatever the order of the calls: "the last one per modality" then picks the vendor's too.
        var position = services.TakeWhile(descriptor => descriptor.ServiceType != typeof(IBiometricMatcher)).Count();
        foreach (var modality in BuiltInModalities)
        {
            services.Insert(position++, ServiceDescriptor.Singleton<IBiometricMatcher>(provider =>
                new FeatureVectorMatcher(modality, provider.GetRequiredService<IOptionsMonitor<BiometricMatchingOptions>>())));
        }

        services.AddSingleton<IBiometricMatchers, BiometricMatchers>();
        return services;
    }

    /// <summary>Marks the collection as holding the module's services.</summary>
    private sealed class Registered;

    /// <summary>
    /// Plugs in a vendor's matcher: it replaces the built-in one for its <see cref="IBiometricMatcher.Modality"/> only,
    /// whether called before or after <see cref="AddCivitasMatching"/>. Registered as a singleton.
    /// </summary>
    public static IServiceCollection AddBiometricMatcher<TMatcher>(this IServiceCollection services)
        where TMatcher : class, IBiometricMatcher
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IBiometricMatcher, TMatcher>());
        return services;
    }
}
