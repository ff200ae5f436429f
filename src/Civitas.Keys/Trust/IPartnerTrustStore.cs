namespace Civitas.Keys.Trust;

/// <summary>CA and partner certificates per partner domain, and chain validation against them.</summary>
public interface IPartnerTrustStore
{
    /// <summary>Adds a root (self-signed) or intermediate CA; an intermediate must chain to a CA already in the domain.</summary>
    string UploadCaCertificate(string certificateData, string partnerDomain);

    /// <summary>Adds a partner certificate that chains to the domain's CAs; returns its id and a copy re-signed by the PMS key.</summary>
    PartnerCertificate UploadPartnerCertificate(string certificateData, string organizationName, string partnerDomain);

    string GetPartnerCertificate(string partnerCertificateId);

    /// <summary>True when the certificate chains to a CA of <paramref name="partnerDomain"/> and is in date.</summary>
    bool VerifyCertificateTrust(string certificateData, string partnerDomain);
}

public sealed record PartnerCertificate(string CertificateId, string CertificatePem, string SignedCertificatePem);
