using System.Security.Cryptography.X509Certificates;

namespace Civitas.Keys.Certificates;

/// <summary>The subject fields of a key-manager request (commonName, organizationUnit, organization, location, state, country).</summary>
public sealed record CertificateSubject(
    string CommonName,
    string? OrganizationUnit = null,
    string? Organization = null,
    string? Location = null,
    string? State = null,
    string? Country = null)
{
    /// <summary>Builds the DN in MOSIP's order: CN, OU, O, L, ST, C; empty fields are left out.</summary>
    public X500DistinguishedName ToDistinguishedName()
    {
        var builder = new X500DistinguishedNameBuilder();
        builder.AddCommonName(CommonName);
        if (!string.IsNullOrWhiteSpace(OrganizationUnit))
        {
            builder.AddOrganizationalUnitName(OrganizationUnit);
        }
        if (!string.IsNullOrWhiteSpace(Organization))
        {
            builder.AddOrganizationName(Organization);
        }
        if (!string.IsNullOrWhiteSpace(Location))
        {
            builder.AddLocalityName(Location);
        }
        if (!string.IsNullOrWhiteSpace(State))
        {
            builder.AddStateOrProvinceName(State);
        }
        if (!string.IsNullOrWhiteSpace(Country))
        {
            // Country is a two-letter PrintableString; anything else is rejected here rather than producing an invalid certificate.
            builder.AddCountryOrRegion(Country.Trim().ToUpperInvariant());
        }
        return builder.Build();
    }

    internal static CertificateSubject From(CertificateSubjectOptions options, string? commonName = null) =>
        new(commonName ?? options.CommonName, options.OrganizationUnit, options.Organization, options.Location, options.State, options.Country);
}
