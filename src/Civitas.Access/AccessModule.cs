using Civitas.Access.Clients;
using Civitas.Access.Persistence;
using Civitas.Access.Tokens;
using Civitas.Common;
using Civitas.Common.Persistence;
using Civitas.Common.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using OpenIddict.Server;
using OpenIddict.Validation.AspNetCore;

namespace Civitas.Access;

public static class AccessModule
{
    /// <summary>
    /// OAuth 2.0 client-credentials tokens for service and admin clients, scope policies for every route, and a
    /// fallback policy that makes any route without an explicit policy require a valid token.
    /// </summary>
    public static IServiceCollection AddCivitasAccess(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddOptions<AccessOptions>().Bind(configuration.GetSection(AccessOptions.SectionName));
        var access = configuration.GetSection(AccessOptions.SectionName).Get<AccessOptions>() ?? new AccessOptions();
        var civitas = configuration.GetSection(CivitasOptions.SectionName).Get<CivitasOptions>() ?? new CivitasOptions();

        services.AddCivitasModuleDatabase<AccessDbContext, SqliteAccessDbContext, PostgresAccessDbContext>(
            configuration, AccessDbContext.Module, options => options.UseOpenIddict());

        services.AddOpenIddict()
            .AddCore(core => core.UseEntityFrameworkCore().UseDbContext<AccessDbContext>())
            .AddServer(server =>
            {
                server.SetTokenEndpointUris(TokenEndpoint.Path.TrimStart('/'));
                server.AllowClientCredentialsFlow();
                server.RegisterScopes([.. CivitasScopes.All]);
                server.SetAccessTokenLifetime(access.AccessTokenLifetime);
                // Service tokens are stateless signed JWTs: no row per token, any host can validate them.
                server.DisableAccessTokenEncryption();
                server.DisableTokenStorage();
                server.DisableAuthorizationStorage();
                if (!string.IsNullOrEmpty(civitas.PublicBaseUrl))
                {
                    server.SetIssuer(new Uri(civitas.PublicBaseUrl));
                }

                var aspNetCore = server.UseAspNetCore().EnableTokenEndpointPassthrough();
                if (access.AllowHttp)
                {
                    aspNetCore.DisableTransportSecurityRequirement();
                }
            })
            .AddValidation(validation =>
            {
                validation.UseLocalServer();
                validation.UseAspNetCore();
            });

        services.AddSingleton<IConfigureOptions<OpenIddictServerOptions>, TokenKeysSetup>();
        // No default scheme: the authentication middleware would otherwise validate a token on every request,
        // including the routes that take none. Every policy below names the scheme, so tokens are validated
        // exactly where a route asks for one.
        services.AddAuthentication();
        services.Replace(ServiceDescriptor.Scoped<IAuthenticationHandlerProvider, ServerHandlerOnItsEndpoint>());
        services.AddAuthorization(options =>
        {
            foreach (var scope in CivitasScopes.All)
            {
                options.AddPolicy(CivitasScopes.PolicyName(scope), policy => policy
                    .AddAuthenticationSchemes(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
                    .RequireAuthenticatedUser()
                    .RequireAssertion(context => HasScope(context, scope)));
            }

            // Fail closed: a route someone forgot to protect still needs a valid token.
            options.FallbackPolicy = new AuthorizationPolicyBuilder(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
                .RequireAuthenticatedUser()
                .Build();
        });

        services.AddScoped<ServiceClientRegistry>();
        services.AddHostedService<BootstrapAdmin>();
        return services;
    }

    public static IEndpointRouteBuilder MapCivitasAccess(this IEndpointRouteBuilder routes)
    {
        routes.MapPost(TokenEndpoint.Path, TokenEndpoint.ExchangeAsync)
            .AllowWithoutToken()
            .ExcludeFromDescription();
        routes.MapServiceClientsApi();
        return routes;
    }

    private static bool HasScope(AuthorizationHandlerContext context, string scope) =>
        context.User.FindAll(OpenIddict.Abstractions.OpenIddictConstants.Claims.Private.Scope)
            .Concat(context.User.FindAll(OpenIddict.Abstractions.OpenIddictConstants.Claims.Scope))
            .SelectMany(claim => claim.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Contains(scope, StringComparer.Ordinal);
}
