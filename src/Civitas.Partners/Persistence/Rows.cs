namespace Civitas.Partners.Persistence;

/// <summary>A MISP. The kernel keeps its licence key (tspId = <see cref="Id"/>); here only a hash of it, to find the MISP by key.</summary>
internal sealed class MispRow
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    /// <summary>SHA-256 of the licence key (see <c>SecretHash</c>).</summary>
    public byte[] LicenseKeyHash { get; set; } = [];

    public DateTime CreatedAtUtc { get; set; }
}

/// <summary>What a partner may do. Lists are stored space-separated (their values never contain spaces).</summary>
internal sealed class PolicyRow
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string Status { get; set; } = "";

    public string AllowedAuthTypes { get; set; } = "";

    public string MandatoryAuthTypes { get; set; } = "";

    public string AllowedKycAttributes { get; set; } = "";

    public string AuthTokenType { get; set; } = "";

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
}

/// <summary>An authentication or eKYC partner. The API key only as its SHA-256.</summary>
internal sealed class PartnerRow
{
    public string Id { get; set; } = "";

    public string Name { get; set; } = "";

    public string Kind { get; set; } = "";

    public string MispId { get; set; } = "";

    public string? PolicyId { get; set; }

    public string Status { get; set; } = "";

    public byte[] ApiKeyHash { get; set; } = [];

    public string CertificatePem { get; set; } = "";

    /// <summary>Upper-case hex SHA-256 of the certificate's DER, so a certificate serves one partner only.</summary>
    public string CertificateThumbprint { get; set; } = "";

    /// <summary>The trust store's id of the certificate (for a self-signed certificate, its id as a CA); null when the store already held it.</summary>
    public string? TrustCertificateId { get; set; }

    public DateTime CreatedAtUtc { get; set; }

    public DateTime UpdatedAtUtc { get; set; }
}
