namespace Civitas.Common.Security;

/// <summary>
/// OAuth scopes of Civitas's service routes, one per area. A client is granted a subset; a route group
/// asks for one with <see cref="ScopeAuthorizationExtensions.RequireCivitasScope{TBuilder}"/>.
/// </summary>
public static class CivitasScopes
{
    /// <summary>Administration: service clients, partners, identity records.</summary>
    public const string Admin = "civitas.admin";

    /// <summary>Key manager, crypto manager and signature service.</summary>
    public const string Keys = "civitas.keys";

    /// <summary>Kernel services: OTP, ID generators, licence keys, audit, notifications, applicant type.</summary>
    public const string Kernel = "civitas.kernel";

    /// <summary>Identity registry reads and writes by other services.</summary>
    public const string Registry = "civitas.registry";

    /// <summary>Internal ID-authentication routes.</summary>
    public const string Authentication = "civitas.auth";

    public static IReadOnlyList<string> All { get; } = [Admin, Keys, Kernel, Registry, Authentication];

    /// <summary>The authorization policy that demands <paramref name="scope"/>.</summary>
    public static string PolicyName(string scope) => "scope:" + scope;
}
