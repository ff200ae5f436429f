using Microsoft.AspNetCore.Authorization;

namespace Civitas.Common.Security;

public static class ScopeAuthorizationExtensions
{
    // Never evaluated (AllowAnonymous ends authorization first); it exists so the fallback policy, which
    // authenticates with OAuth, is not chosen for the route. It names no authentication scheme.
    private static readonly AuthorizationPolicy WithoutTokenPolicy = new AuthorizationPolicyBuilder().RequireAssertion(_ => true).Build();

    /// <summary>
    /// Requires a bearer token carrying <paramref name="scope"/>: 401 without a valid token, 403 with a token
    /// that lacks the scope. The policies are registered by the access module; if it were missing, the policy
    /// lookup fails and the route answers 500 rather than opening up.
    /// </summary>
    public static TBuilder RequireCivitasScope<TBuilder>(this TBuilder builder, string scope)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(CivitasScopes.PolicyName(scope));

    /// <summary>
    /// A route that takes no bearer token: the caller proves itself another way (an ID-authentication partner by
    /// the credentials in its path and its signature) or need not (health, API docs, the token endpoint itself).
    /// OAuth is not consulted at all. Plain <c>AllowAnonymous</c> would still run the fallback policy's token
    /// validation on every request before ignoring it: 1–2 % of an authentication's CPU (bench/README.md).
    /// </summary>
    public static TBuilder AllowWithoutToken<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AllowAnonymous().RequireAuthorization(WithoutTokenPolicy);
}
