using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using Civitas.Keys.Certificates;
using Civitas.Keys.Management;
using Civitas.Keys.Trust;

namespace Civitas.Keys.Signatures;

/// <summary>The signature service: seed <c>sign</c>/<c>validate</c>, <c>jwtSign</c>/<c>jwtVerify</c> and <c>jwsSign</c> over managed keys.</summary>
internal sealed class SignatureService : ISigner
{
    internal const string SignApplication = "KERNEL";
    internal const string SignReference = "SIGN";

    private readonly KeyManager _keys;
    private readonly PartnerTrustStore _trust;

    public SignatureService(KeyManager keys, PartnerTrustStore trust)
    {
        _keys = keys;
        _trust = trust;
    }

    public string Sign(string? applicationId, string? referenceId, ReadOnlySpan<byte> payload, JwsSignOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (application, reference) = string.IsNullOrWhiteSpace(applicationId) ? (SignApplication, SignReference) : (applicationId, referenceId);
        var key = _keys.CurrentKey(application, reference);
        var signer = _keys.PrivateKey(key);
        var algorithm = options.Algorithm ?? (key.Record.Algorithm == KeyAlgorithms.EcP256 ? JwsAlgorithms.ES256 : JwsAlgorithms.RS256);
        if (!JwsAlgorithms.IsSupported(algorithm) || !signer.Supports(algorithm))
        {
            throw new KeysException(KeysErrors.SigningNotAllowed);
        }
        var header = new JwsHeader
        {
            KeyId = key.KeyId,
            CertificateChain = options.IncludeCertificate ? [key.Certificate.RawData] : null,
            CertificateSha256 = options.IncludeCertificateHash ? key.Thumbprint : null,
            CertificateUrl = string.IsNullOrWhiteSpace(options.CertificateUrl) ? null : options.CertificateUrl,
            EncodePayload = options.EncodePayload,
        };
        return JwsCompact.Sign(algorithm, header, payload, detached: !options.IncludePayload, input => signer.Sign(input, algorithm));
    }

    public JwsVerification Verify(string jws, ReadOnlySpan<byte> detachedPayload, string? applicationId, string? referenceId, string? certificateData, bool validateTrust, string? domain)
    {
        if (!JwsCompact.TryParse(jws, out var parsed))
        {
            throw new KeysException(KeysErrors.JwsInvalidVerifyInput);
        }
        if (parsed.EncodedPayload.Length == 0 && detachedPayload.IsEmpty)
        {
            throw new KeysException(KeysErrors.JwsInvalidVerifyInput);
        }
        var (certificate, managed) = SelectKey(parsed, applicationId, referenceId, certificateData);
        // Managed keys keep their parsed public key; outside certificates are parsed for this call only.
        using var owned = managed is null ? certificate : null;
        var valid = managed is not null
            ? JwsCompact.Verify(parsed, managed.VerificationKey, detachedPayload)
            : JwsCompact.Verify(parsed, certificate, detachedPayload);
        string trust;
        if (!validateTrust)
        {
            trust = JwsVerification.TrustNotVerified;
        }
        else if (string.IsNullOrWhiteSpace(domain))
        {
            trust = JwsVerification.TrustNotVerifiedNoDomain;
        }
        else
        {
            trust = TryChains(certificate, domain) ? JwsVerification.TrustCertPathValid : JwsVerification.TrustCertPathNotValid;
        }
        return new JwsVerification(valid, trust);
    }

    /// <summary>Seed <c>/sign</c>: detached RS256 JWS over the UTF-8 data with KERNEL/SIGN.</summary>
    public string SignData(string data) =>
        Sign(SignApplication, SignReference, Encoding.UTF8.GetBytes(data), new JwsSignOptions { IncludePayload = false, Algorithm = JwsAlgorithms.RS256 });

    /// <summary>Seed <c>/validate</c>: true when <paramref name="signature"/> is a valid KERNEL/SIGN JWS over <paramref name="data"/>.</summary>
    public bool ValidateData(string signature, string data)
    {
        if (!JwsCompact.TryParse(signature, out var parsed))
        {
            return false;
        }
        var payload = Encoding.UTF8.GetBytes(data);
        if (parsed.EncodedPayload.Length != 0)
        {
            // An attached payload must be the data itself, not some other signed content.
            try
            {
                if (!parsed.Payload.AsSpan().SequenceEqual(payload))
                {
                    return false;
                }
            }
            catch (FormatException)
            {
                return false;
            }
        }
        var key = KeyFromKid(parsed) ?? _keys.CurrentKey(SignApplication, SignReference);
        if (key.Record.ApplicationId != SignApplication || key.Record.ReferenceId != SignReference)
        {
            return false;
        }
        return JwsCompact.Verify(parsed, key.VerificationKey, payload);
    }

    private (X509Certificate2 Certificate, ManagedKey? Managed) SelectKey(ParsedJws parsed, string? applicationId, string? referenceId, string? certificateData)
    {
        if (parsed.LeafCertificate is { } fromHeader)
        {
            return (fromHeader, null);
        }
        if (!string.IsNullOrWhiteSpace(certificateData))
        {
            return (CertificateParsing.Parse(certificateData, KeysErrors.JwsCertificateNotValid), null);
        }
        var key = KeyFromKid(parsed);
        if (key is null)
        {
            var (application, reference) = string.IsNullOrWhiteSpace(applicationId) ? (SignApplication, SignReference) : (applicationId, referenceId);
            key = _keys.CurrentKey(application, reference, create: false);
        }
        return (key.Certificate, key);
    }

    private ManagedKey? KeyFromKid(ParsedJws parsed)
    {
        var kid = parsed.KeyId;
        if (string.IsNullOrEmpty(kid) || !Base64Url.IsValid(kid))
        {
            return null;
        }
        var thumbprint = Base64Url.DecodeFromChars(kid);
        return thumbprint.Length == 32 ? _keys.FindByThumbprint(thumbprint) : null;
    }

    private bool TryChains(X509Certificate2 certificate, string domain)
    {
        try
        {
            return _trust.ChainsToDomain(certificate, domain.Trim().ToUpperInvariant());
        }
        catch (CryptographicException)
        {
            return false;
        }
    }
}
