namespace Civitas.Authentication.Seed;

/// <summary>The seed's v1.0 routes (<c>/identity/auth/v1.0</c>, <c>/identity/otp/v1.0</c>).</summary>
internal static class SeedRoutes
{
    public static void MapSeedRoutes(this IEndpointRouteBuilder routes)
    {
        _ = routes;
    }
}
