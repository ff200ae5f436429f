using Civitas.Common.Persistence;
using Civitas.Kernel.ApplicantTypes;
using Civitas.Kernel.Ids;
using Civitas.Kernel.Licenses;
using Civitas.Kernel.Otp;
using Civitas.Kernel.Persistence;
using Microsoft.Extensions.Configuration;

namespace Civitas.Kernel;

public static class KernelModule
{
    /// <summary>
    /// OTP manager, ID generators (UIN pool with background refill, VID, RID, static token id, validators),
    /// licence key manager and applicant type. Other modules use <see cref="IOtpService"/>, <see cref="IUinAllocator"/>,
    /// <see cref="IVidGenerator"/>, <see cref="IRidGenerator"/>, <see cref="IIdValidator"/>,
    /// <see cref="IStaticTokenGenerator"/> and <see cref="ILicenseKeyService"/>.
    /// </summary>
    public static IServiceCollection AddCivitasKernel(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<KernelOptions>().Bind(configuration.GetSection(KernelOptions.SectionName))
            .Validate(KernelOptionsCheck.IsUsable, KernelOptionsCheck.Message).ValidateOnStart();
        services.AddCivitasModuleDatabase<KernelDbContext, SqliteKernelDbContext, PostgresKernelDbContext>(configuration, KernelDbContext.Module);

        services.AddSingleton(KernelStore.Create);
        services.AddSingleton<OtpHmacKey>();
        services.AddSingleton<OtpHasher>();
        services.AddSingleton<IOtpService, OtpService>();

        services.AddSingleton<UinPool>();
        services.AddSingleton<UinRefillSignal>();
        services.AddSingleton<IUinAllocator, UinAllocator>();
        services.AddHostedService<UinRefillService>();
        services.AddSingleton<IVidGenerator, VidGenerator>();
        services.AddSingleton<IRidGenerator, RidGenerator>();
        services.AddSingleton<KernelSecrets>();
        services.AddSingleton<IStaticTokenGenerator, StaticTokenGenerator>();
        services.AddSingleton<IIdValidator, IdValidator>();

        services.AddScoped<ILicenseKeyService, LicenseKeyService>();
        services.AddSingleton<ApplicantTypeRules>();
        return services;
    }

    public static IEndpointRouteBuilder MapCivitasKernel(this IEndpointRouteBuilder routes)
    {
        routes.MapOtpManager();
        routes.MapIdGenerators();
        routes.MapLicenseKeys();
        routes.MapApplicantType();
        return routes;
    }
}

/// <summary>
/// Start-up checks for settings that would make a service unusable. RID lengths and the licence key length are
/// deliberately not checked here: MOSIP reports those per request (KER-RIG-004/007, KER-LKM-002).
/// </summary>
internal static class KernelOptionsCheck
{
    public const string Message =
        "Civitas:Kernel settings are out of range: OTP length 4–10, expiry/freeze ≥ 1 s, attempt threshold ≥ 1; "
        + "UIN length 4–32 with MinUnusedThreshold < UinsToGenerate; VID length 4–32 with a default type listed in Vid:Types.";

    public static bool IsUsable(KernelOptions options) =>
        options.Otp is { Length: >= 4 and <= 10, ExpirySeconds: >= 1, FreezeSeconds: >= 1, AttemptThreshold: >= 1 }
        && options.Uin.Length is >= 4 and <= 32 && options.Uin.UinsToGenerate >= 1
        && options.Uin.MinUnusedThreshold < options.Uin.UinsToGenerate
        && options.Vid.Length is >= 4 and <= 32 && options.Vid.Types.ContainsKey(options.Vid.DefaultType);
}
