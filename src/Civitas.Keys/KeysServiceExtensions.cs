using Civitas.Common;
using Civitas.Common.Envelope;
using Civitas.Common.Persistence;
using Civitas.Common.Security;
using Civitas.Keys.Api;
using Civitas.Keys.Encryption;
using Civitas.Keys.Management;
using Civitas.Keys.Persistence;
using Civitas.Keys.Policy;
using Civitas.Keys.Signatures;
using Civitas.Keys.Stores;
using Civitas.Keys.Stores.Pkcs11;
using Civitas.Keys.Stores.Software;
using Civitas.Keys.Trust;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Civitas.Keys;

public static class KeysServiceExtensions
{
    /// <summary>
    /// Key manager, crypto manager, signature service and partner trust store. Other modules use
    /// <see cref="IKeyManager"/>, <see cref="ICryptoService"/>, <see cref="ISigner"/> and <see cref="IPartnerTrustStore"/>.
    /// </summary>
    public static IServiceCollection AddCivitasKeys(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<KeysOptions>().Bind(configuration.GetSection(KeysOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<KeysOptions>, KeysOptionsValidator>();
        services.AddCivitasModuleDatabase<KeysDbContext, SqliteKeysDbContext, PostgresKeysDbContext>(configuration, KeysModule.Name);
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton<KeysDatabase>();
        services.AddSingleton<KeyAliasRepository>();
        services.AddSingleton<TrustStoreRepository>();
        services.AddSingleton(provider => new KeyPolicyCatalog(
            Options(provider).Policies.Select(p => new KeyPolicy(p.Key, p.Value.ValidityDays, p.Value.PreExpireDays))));
        services.AddSingleton<IKeyStore>(CreateStore);
        services.AddSingleton(provider => new KeyManager(
            provider.GetRequiredService<IKeyStore>(),
            provider.GetRequiredService<KeyAliasRepository>(),
            provider.GetRequiredService<KeyPolicyCatalog>(),
            Options(provider),
            provider.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IKeyManager>(provider => provider.GetRequiredService<KeyManager>());
        services.AddSingleton<CryptoService>();
        services.AddSingleton<ICryptoService>(provider => provider.GetRequiredService<CryptoService>());
        services.AddSingleton<PartnerTrustStore>();
        services.AddSingleton<IPartnerTrustStore>(provider => provider.GetRequiredService<PartnerTrustStore>());
        services.AddSingleton<SignatureService>();
        services.AddSingleton<ISigner>(provider => provider.GetRequiredService<SignatureService>());
        return services;
    }

    /// <summary>Maps the MOSIP key manager, crypto manager and signature routes on their seed and current paths.</summary>
    public static IEndpointRouteBuilder MapCivitasKeys(this IEndpointRouteBuilder routes)
    {
        KeyManagerApi.Map(Group(routes, "/v1/keymanager", "KER-KMS"));
        PartnerCertificateApi.Map(Group(routes, "/v1/keymanager", "KER-PCM"));
        CryptoManagerApi.Map(Group(routes, "/v1/keymanager", "KER-CRY"));
        CryptoManagerApi.Map(Group(routes, "/v1/cryptomanager", "KER-CRY"));
        SignatureApi.MapCurrent(Group(routes, "/v1/keymanager", "KER-CSS"));
        SignatureApi.MapSeed(Group(routes, "/v1/signature", "KER-CSS"));
        return routes;
    }

    private static RouteGroupBuilder Group(IEndpointRouteBuilder routes, string prefix, string errorPrefix)
    {
        var group = routes.MapGroup(prefix).WithMosipEnvelope(errorPrefix).RequireCivitasScope(CivitasScopes.Keys);
        group.WithTags("Keys");
        return group;
    }

    private static KeysOptions Options(IServiceProvider provider) => provider.GetRequiredService<IOptions<KeysOptions>>().Value;

    private static IKeyStore CreateStore(IServiceProvider provider)
    {
        var options = Options(provider);
        if (options.Store == KeyStoreKind.Pkcs11)
        {
            return new Pkcs11KeyStore(options.Pkcs11);
        }
        var civitas = provider.GetRequiredService<IOptions<CivitasOptions>>().Value;
        var kek = KeyEncryptionKey.Load(options.KeyEncryptionKey, Path.Combine(civitas.DataDirectoryFullPath, "keys"));
        return new SoftwareKeyStore(kek, new DatabaseWrappedKeyVault(provider.GetRequiredService<KeysDatabase>()));
    }
}
