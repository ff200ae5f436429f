using Civitas.Authentication.Api;
using Civitas.Authentication.Factors;
using Civitas.Authentication.Otp;
using Civitas.Authentication.Persistence;
using Civitas.Authentication.Requests;
using Civitas.Authentication.Seed;
using Civitas.Authentication.Transactions;
using Civitas.Common.Persistence;
using Microsoft.Extensions.Configuration;

namespace Civitas.Authentication;

public static class AuthenticationModule
{
    /// <summary>ID authentication and eKYC. Needs the keys, kernel, audit, notifications, registry, partners and matching modules.</summary>
    public static IServiceCollection AddCivitasAuthentication(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddCivitasModuleDatabase<AuthenticationDbContext, SqliteAuthenticationDbContext, PostgresAuthenticationDbContext>(configuration, AuthenticationDbContext.Module);
        services.AddOptions<AuthenticationOptions>()
            .Bind(configuration.GetSection(AuthenticationOptions.SectionName))
            .PostConfigure(options => options.OtpValiditySeconds = configuration.GetValue<int?>("Civitas:Kernel:Otp:ExpirySeconds") ?? options.OtpValiditySeconds)
            .Validate(AuthenticationOptionsCheck.IsUsable, AuthenticationOptionsCheck.Message)
            .ValidateOnStart();

        services.AddSingleton<KeyedHashes>();
        services.AddSingleton<PartnerCertificates>();
        services.AddSingleton<RequestDecryptor>();
        services.AddSingleton<DemographicFactor>();
        services.AddSingleton<BiometricFactor>();
        services.AddSingleton<FailureCounter>();
        services.AddSingleton<OtpTransactions>();
        services.AddSingleton<OtpSender>();
        services.AddSingleton<AuthTransactionWriter>();
        services.AddSingleton<ReplayClaims>();
        services.AddSingleton<AuthTransactionStore>();
        services.AddSingleton<AuthAudit>();
        services.AddSingleton<AuthenticationPipeline>();
        services.AddSingleton<PartnerGate>();
        services.AddSingleton<SeedGate>();
        services.AddHostedService<ReplayGuardSweeper>();
        return services;
    }

    public static IEndpointRouteBuilder MapCivitasAuthentication(this IEndpointRouteBuilder routes)
    {
        routes.MapIdaRoutes();
        routes.MapSeedRoutes();
        return routes;
    }
}

internal static class AuthenticationOptionsCheck
{
    public const string Message = "Civitas:Authentication: time window, adjustment, OTP limits and page size must be positive, and at least one language supported.";

    public static bool IsUsable(AuthenticationOptions options) =>
        options.RequestTimeWindowSeconds > 0 && options.RequestTimeAdjustmentSeconds >= 0
        && options.OtpRequestsPerMinute > 0 && options.OtpFailureLimit > 0 && options.OtpFreezeSeconds > 0
        && options.MaxTransactionsPageSize > 0 && options.SupportedLanguages.Length > 0;
}
