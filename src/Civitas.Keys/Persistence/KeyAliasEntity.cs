namespace Civitas.Keys.Persistence;

/// <summary>One generated or uploaded key: MOSIP's key alias record plus what Civitas needs to use it.</summary>
internal sealed class KeyAliasEntity
{
    public required string Alias { get; set; }
    public required string ApplicationId { get; set; }
    public required string ReferenceId { get; set; }
    public required KeyRole Role { get; set; }
    public required string Algorithm { get; set; }
    public required DateTime GeneratedAtUtc { get; set; }
    public required DateTime ExpiresAtUtc { get; set; }
    public DateTime? RevokedAtUtc { get; set; }

    /// <summary>Lower-case hex SHA-256 of the certificate DER.</summary>
    public required string Thumbprint { get; set; }
    public required string CertificatePem { get; set; }

    /// <summary>Where the private key lives: <c>STORE</c> (key store), <c>WRAPPED</c> (below, under <see cref="WrappedBy"/>) or <c>NONE</c> (other-domain certificate).</summary>
    public required string PrivateKeyLocation { get; set; }
    public byte[]? WrappedPrivateKey { get; set; }
    public string? WrappedBy { get; set; }
    public required string UniqueIdentifier { get; set; }
}

internal enum KeyRole
{
    Root = 0,
    Master = 1,
    Base = 2,
    OtherDomain = 3,
}

internal static class PrivateKeyLocations
{
    public const string Store = "STORE";
    public const string Wrapped = "WRAPPED";
    public const string None = "NONE";
}
