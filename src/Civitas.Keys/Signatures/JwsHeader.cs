namespace Civitas.Keys.Signatures;

/// <summary>What goes into a JWS protected header besides <c>alg</c>.</summary>
public sealed record JwsHeader
{
    public string? KeyId { get; init; }

    /// <summary>DER certificates for <c>x5c</c> (leaf first).</summary>
    public IReadOnlyList<byte[]>? CertificateChain { get; init; }

    /// <summary>SHA-256 of the certificate DER for <c>x5t#S256</c>.</summary>
    public byte[]? CertificateSha256 { get; init; }

    public string? CertificateUrl { get; init; }

    /// <summary>False for RFC 7797 unencoded payload (<c>b64:false</c>, <c>crit:["b64"]</c>).</summary>
    public bool EncodePayload { get; init; } = true;

    public string? Type { get; init; }
}
