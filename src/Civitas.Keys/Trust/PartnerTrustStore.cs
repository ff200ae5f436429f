using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Civitas.Keys.Certificates;
using Civitas.Keys.Management;
using Civitas.Keys.Persistence;

namespace Civitas.Keys.Trust;

/// <summary>The partner trust store: CA hierarchy per domain (AUTH, DEVICE, FTM, ...) and partner certificates validated against it.</summary>
internal sealed class PartnerTrustStore : IPartnerTrustStore
{
    private static readonly string[] Domains = ["AUTH", "DEVICE", "FTM", "MISP", "DEVICE_PROVIDER", "FTM_PROVIDER", "CREDENTIAL", "ESIGNET"];
    private const string PartnerSigningApplication = "PMS";

    private readonly TrustStoreRepository _repository;
    private readonly KeyManager _keys;
    private readonly TimeProvider _clock;

    public PartnerTrustStore(TrustStoreRepository repository, KeyManager keys, TimeProvider clock)
    {
        _repository = repository;
        _keys = keys;
        _clock = clock;
    }

    public string UploadCaCertificate(string certificateData, string partnerDomain)
    {
        var domain = RequireDomain(partnerDomain);
        using var certificate = CertificateParsing.Parse(certificateData, KeysErrors.PartnerInvalidCertificate);
        RequireInDate(certificate);
        if (certificate.Extensions.OfType<X509BasicConstraintsExtension>().FirstOrDefault() is not { CertificateAuthority: true })
        {
            throw new KeysException(KeysErrors.PartnerInvalidCertificate);
        }
        var thumbprint = CertificateIssuer.Thumbprint(certificate);
        if (_repository.ExistsByThumbprint(thumbprint))
        {
            throw new KeysException(KeysErrors.PartnerCertificateExists);
        }
        var selfSigned = IsSelfSigned(certificate);
        if (!selfSigned && !ChainsToDomain(certificate, domain))
        {
            throw new KeysException(KeysErrors.PartnerRootCaNotFound);
        }
        var id = Guid.NewGuid().ToString();
        _repository.Add(Entity(id, certificate, thumbprint, domain, selfSigned ? TrustCertificateKinds.RootCa : TrustCertificateKinds.IntermediateCa, organization: null));
        return id;
    }

    public PartnerCertificate UploadPartnerCertificate(string certificateData, string organizationName, string partnerDomain)
    {
        var domain = RequireDomain(partnerDomain);
        using var certificate = CertificateParsing.Parse(certificateData, KeysErrors.PartnerInvalidCertificate);
        RequireInDate(certificate);
        if (IsSelfSigned(certificate))
        {
            throw new KeysException(KeysErrors.PartnerSelfSignedNotAllowed);
        }
        var thumbprint = CertificateIssuer.Thumbprint(certificate);
        if (_repository.ExistsByThumbprint(thumbprint))
        {
            throw new KeysException(KeysErrors.PartnerCertificateExists);
        }
        if (!ChainsToDomain(certificate, domain))
        {
            throw new KeysException(KeysErrors.PartnerRootCaNotFound);
        }
        var organization = certificate.SubjectName.EnumerateRelativeDistinguishedNames()
            .Where(rdn => rdn.GetSingleElementType().Value == "2.5.4.10")
            .Select(rdn => rdn.GetSingleElementValue())
            .FirstOrDefault();
        if (!string.IsNullOrEmpty(organizationName) && organization is not null && !string.Equals(organization, organizationName, StringComparison.Ordinal))
        {
            throw new KeysException(new KeysError("KER-PCM-008", "Partner Organization Name not Matched."));
        }
        var id = Guid.NewGuid().ToString();
        _repository.Add(Entity(id, certificate, thumbprint, domain, TrustCertificateKinds.Partner, organizationName));
        return new PartnerCertificate(id, certificate.ExportCertificatePem(), ResignWithPartnerKey(certificate));
    }

    public string GetPartnerCertificate(string partnerCertificateId)
    {
        var entity = _repository.ById(partnerCertificateId?.Trim() ?? string.Empty);
        if (entity is null || entity.Kind != TrustCertificateKinds.Partner)
        {
            throw new KeysException(KeysErrors.PartnerCertificateNotFound);
        }
        return entity.CertificatePem;
    }

    public bool VerifyCertificateTrust(string certificateData, string partnerDomain)
    {
        var domain = RequireDomain(partnerDomain);
        using var certificate = CertificateParsing.Parse(certificateData, KeysErrors.PartnerInvalidCertificate);
        return ChainsToDomain(certificate, domain);
    }

    /// <summary>Chain validation with only this domain's CAs as anchors (system roots are never trusted here).</summary>
    internal bool ChainsToDomain(X509Certificate2 certificate, string domain)
    {
        var authorities = _repository.CertificateAuthorities(domain);
        if (authorities.Count == 0)
        {
            return false;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.VerificationTime = _clock.GetUtcNow().UtcDateTime;
        chain.ChainPolicy.DisableCertificateDownloads = true;
        var loaded = authorities.Select(a => X509Certificate2.CreateFromPem(a.CertificatePem)).ToList();
        try
        {
            foreach (var authority in loaded)
            {
                (authority.Kind() == TrustCertificateKinds.RootCa ? chain.ChainPolicy.CustomTrustStore : chain.ChainPolicy.ExtraStore).Add(authority);
            }
            return chain.Build(certificate);
        }
        finally
        {
            foreach (var authority in loaded)
            {
                authority.Dispose();
            }
        }
    }

    private string ResignWithPartnerKey(X509Certificate2 certificate)
    {
        // MOSIP hands partners their certificate re-issued by its PMS key, so relying parties need only trust PMS.
        var issuer = _keys.CurrentKey(PartnerSigningApplication, string.Empty);
        var now = _clock.GetUtcNow().UtcDateTime;
        var notAfter = certificate.NotAfter.ToUniversalTime() < issuer.Certificate.NotAfter.ToUniversalTime()
            ? certificate.NotAfter.ToUniversalTime()
            : issuer.Certificate.NotAfter.ToUniversalTime();
        using var signed = CertificateIssuer.Issue(
            certificate.SubjectName,
            certificate.PublicKey,
            issuer.Certificate.SubjectName,
            _keys.PrivateKey(issuer).SignatureGenerator(issuer.Certificate.PublicKey),
            issuer.Certificate.PublicKey,
            now,
            notAfter,
            isCertificateAuthority: false);
        return signed.ExportCertificatePem();
    }

    private void RequireInDate(X509Certificate2 certificate)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        if (certificate.NotBefore.ToUniversalTime() > now || certificate.NotAfter.ToUniversalTime() < now)
        {
            throw new KeysException(KeysErrors.PartnerCertificateDatesNotValid);
        }
    }

    private static bool IsSelfSigned(X509Certificate2 certificate)
    {
        if (!certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData))
        {
            return false;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.Add(certificate);
        chain.ChainPolicy.VerificationFlags = X509VerificationFlags.IgnoreNotTimeValid;
        return chain.Build(certificate);
    }

    private static string RequireDomain(string? partnerDomain)
    {
        var domain = partnerDomain?.Trim().ToUpperInvariant();
        if (string.IsNullOrEmpty(domain) || !Domains.Contains(domain))
        {
            throw new KeysException(KeysErrors.PartnerInvalidDomain);
        }
        return domain;
    }

    private TrustCertificateEntity Entity(string id, X509Certificate2 certificate, string thumbprint, string domain, string kind, string? organization) => new()
    {
        CertificateId = id,
        Kind = kind,
        PartnerDomain = domain,
        SubjectDn = certificate.Subject,
        IssuerDn = certificate.Issuer,
        Thumbprint = thumbprint,
        CertificatePem = certificate.ExportCertificatePem(),
        NotBeforeUtc = certificate.NotBefore.ToUniversalTime(),
        NotAfterUtc = certificate.NotAfter.ToUniversalTime(),
        UploadedAtUtc = _clock.GetUtcNow().UtcDateTime,
        OrganizationName = organization,
    };
}

internal static class TrustCertificateKindExtensions
{
    /// <summary>Self-signed certificates act as anchors; the rest as intermediates.</summary>
    public static string Kind(this X509Certificate2 certificate) =>
        certificate.SubjectName.RawData.AsSpan().SequenceEqual(certificate.IssuerName.RawData)
            ? TrustCertificateKinds.RootCa
            : TrustCertificateKinds.IntermediateCa;
}
