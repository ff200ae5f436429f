namespace Civitas.Common.Security;

public static class ScopeAuthorizationExtensions
{
    /// <summary>
    /// Requires a bearer token carrying <paramref name="scope"/>: 401 without a valid token, 403 with a token
    /// that lacks the scope. The policies are registered by the access module; if it were missing, the policy
    /// lookup fails and the route answers 500 rather than opening up.
    /// </summary>
    public static TBuilder RequireCivitasScope<TBuilder>(this TBuilder builder, string scope)
        where TBuilder : IEndpointConventionBuilder =>
        builder.RequireAuthorization(CivitasScopes.PolicyName(scope));
}
