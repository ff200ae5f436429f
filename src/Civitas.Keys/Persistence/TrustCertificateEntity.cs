namespace Civitas.Keys.Persistence;

/// <summary>A CA, intermediate CA or partner certificate in the partner trust store.</summary>
internal sealed class TrustCertificateEntity
{
    public required string CertificateId { get; set; }
    public required string Kind { get; set; }
    public required string PartnerDomain { get; set; }
    public required string SubjectDn { get; set; }
    public required string IssuerDn { get; set; }
    public required string Thumbprint { get; set; }
    public required string CertificatePem { get; set; }
    public required DateTime NotBeforeUtc { get; set; }
    public required DateTime NotAfterUtc { get; set; }
    public required DateTime UploadedAtUtc { get; set; }
    public string? OrganizationName { get; set; }
}

internal static class TrustCertificateKinds
{
    public const string RootCa = "ROOT";
    public const string IntermediateCa = "INTERMEDIATE";
    public const string Partner = "PARTNER";
}
