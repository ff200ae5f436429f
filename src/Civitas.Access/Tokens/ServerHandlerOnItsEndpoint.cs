using Microsoft.AspNetCore.Authentication;
using OpenIddict.Server.AspNetCore;

namespace Civitas.Access.Tokens;

/// <summary>
/// OpenIddict's server handler is a request handler: the authentication middleware asks it on every request
/// whether the request is one of its endpoints, and it answers by running its dispatcher (1–2 % of an
/// ID authentication's CPU in bench/README.md, for a question whose answer is a path). Civitas has one server
/// endpoint, the token endpoint, so elsewhere the handler is not offered to the middleware at all. Bearer tokens
/// are validated by the validation handler, which this does not touch.
/// </summary>
internal sealed class ServerHandlerOnItsEndpoint(IAuthenticationSchemeProvider schemes) : IAuthenticationHandlerProvider
{
    // The framework's provider (scoped, like this one: it keeps the request's handler instances).
    private readonly AuthenticationHandlerProvider _handlers = new(schemes);

    public Task<IAuthenticationHandler?> GetHandlerAsync(HttpContext context, string authenticationScheme) =>
        authenticationScheme == OpenIddictServerAspNetCoreDefaults.AuthenticationScheme
            && !context.Request.Path.StartsWithSegments(TokenEndpoint.Path, StringComparison.OrdinalIgnoreCase)
            ? Task.FromResult<IAuthenticationHandler?>(null)
            : _handlers.GetHandlerAsync(context, authenticationScheme);
}
