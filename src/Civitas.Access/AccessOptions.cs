namespace Civitas.Access;

/// <summary>Settings of service authentication, section <c>Civitas:Access</c>.</summary>
public sealed class AccessOptions
{
    public const string SectionName = "Civitas:Access";

    /// <summary>Lifetime of client-credentials access tokens (default 30 minutes).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>Client id of the bootstrap administrator created on first start.</summary>
    public string BootstrapClientId { get; set; } = "civitas-admin";

    /// <summary>
    /// Allow plain HTTP on the token endpoint. On by default so the embedded default works on localhost;
    /// set to false when Civitas is reachable directly (not behind a TLS-terminating proxy).
    /// </summary>
    public bool AllowHttp { get; set; } = true;
}
