namespace Civitas.Keys.Signatures;

/// <summary>JWS signing and verification with managed keys, for other modules (no HTTP in between).</summary>
public interface ISigner
{
    /// <summary>Signs <paramref name="payload"/> with the current key of (application, reference); empty application means KERNEL/SIGN.</summary>
    string Sign(string? applicationId, string? referenceId, ReadOnlySpan<byte> payload, JwsSignOptions options);

    /// <summary>
    /// Verifies a compact JWS. The key comes from the <c>x5c</c> header, else <paramref name="certificateData"/>,
    /// else the <c>kid</c>, else the current key of (application, reference). Never throws on a bad signature.
    /// </summary>
    JwsVerification Verify(string jws, ReadOnlySpan<byte> detachedPayload, string? applicationId, string? referenceId, string? certificateData, bool validateTrust, string? domain);
}

public sealed record JwsSignOptions
{
    public bool IncludePayload { get; init; } = true;
    public bool IncludeCertificate { get; init; }
    public bool IncludeCertificateHash { get; init; }
    public string? CertificateUrl { get; init; }

    /// <summary>False for an RFC 7797 unencoded payload (<c>b64:false</c>).</summary>
    public bool EncodePayload { get; init; } = true;

    /// <summary>RS256, PS256 or ES256; null picks RS256 for RSA keys and ES256 for EC keys.</summary>
    public string? Algorithm { get; init; }
}

public sealed record JwsVerification(bool SignatureValid, string TrustValid)
{
    public const string TrustNotVerified = "TRUST_NOT_VERIFIED";
    public const string TrustNotVerifiedNoDomain = "TRUST_NOT_VERIFIED_NO_DOMAIN";
    public const string TrustCertPathValid = "TRUST_CERT_PATH_VALID";
    public const string TrustCertPathNotValid = "TRUST_CERT_PATH_NOT_VALID";
}
