namespace Civitas.Common.Security;

/// <summary>
/// Marks a route whose caller proves itself in the request (ID authentication: licence key, partner id, API key and
/// a signature over the body), not with a bearer token. Such a route is anonymous to OAuth, and the host skips the
/// authentication middleware for it: OpenIddict's server and validation handlers otherwise inspect every request,
/// a measurable share of an authentication's CPU time (bench/README.md, "Authentication").
/// </summary>
public sealed class CallerProvesItselfMetadata
{
    public static readonly CallerProvesItselfMetadata Instance = new();

    private CallerProvesItselfMetadata()
    {
    }
}

public static class CallerProvesItselfExtensions
{
    /// <summary>Anonymous to OAuth, and no bearer-token handling at all (see <see cref="CallerProvesItselfMetadata"/>).</summary>
    public static TBuilder CallerProvesItself<TBuilder>(this TBuilder builder)
        where TBuilder : IEndpointConventionBuilder =>
        builder.AllowAnonymous().WithMetadata(CallerProvesItselfMetadata.Instance);
}
