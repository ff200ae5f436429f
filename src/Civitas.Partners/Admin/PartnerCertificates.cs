using System.Security.Cryptography.X509Certificates;
using Civitas.Keys;
using Civitas.Keys.Trust;

namespace Civitas.Partners.Admin;

/// <summary>
/// A partner's certificate and its issuing chain: checked (<see cref="Check"/>), then put in the trust store's
/// <c>AUTH</c> domain (<see cref="Store"/>). A CA already in the store is fine. A self-signed partner certificate
/// given without CAs is its own CA: it goes in as a CA (the store takes no self-signed partner certificate), so it
/// must carry basicConstraints CA:TRUE, as <c>openssl req -x509</c> writes by default.
/// </summary>
internal sealed class PartnerCertificates(IPartnerTrustStore trustStore, TimeProvider clock)
{
    public const string Domain = "AUTH";
    private const int MaxAuthorities = 8;

    /// <summary>The parsed certificates, or null with the reasons added to <paramref name="problems"/>.</summary>
    public OfferedCertificates? Check(string? certificatePem, IReadOnlyList<string?>? caPems, Dictionary<string, string[]> problems)
    {
        var now = clock.GetUtcNow();
        var partner = CertificateCheck.Parse(certificatePem, now, out var problem);
        if (partner is not null && CertificateCheck.PartnerKeyProblem(partner) is { } keyProblem)
        {
            problem = keyProblem;
        }

        var offered = new OfferedCertificates(partner);
        if (problem is not null)
        {
            problems["certificate"] = [problem];
        }

        if (caPems is { Count: > MaxAuthorities })
        {
            problems["caCertificates"] = [$"At most {MaxAuthorities} CA certificates."];
            return Fail(offered);
        }

        for (var index = 0; index < (caPems?.Count ?? 0); index++)
        {
            var authority = CertificateCheck.Parse(caPems![index], now, out var caProblem);
            if (authority is not null && !CertificateCheck.IsCertificateAuthority(authority))
            {
                caProblem = "Not a CA certificate (basicConstraints CA:TRUE).";
            }

            if (caProblem is not null)
            {
                problems[$"caCertificates[{index}]"] = [caProblem];
            }

            if (authority is not null)
            {
                offered.Authorities.Add(authority);
            }
        }

        if (problems.Count > 0 || partner is null)
        {
            return Fail(offered);
        }

        if (CertificateCheck.IsSelfSigned(partner))
        {
            offered.SelfSigned = true;
            if (offered.Authorities.Count > 0)
            {
                problems["caCertificates"] = ["The certificate is self-signed, so it is its own CA: leave caCertificates out."];
            }
            else if (!CertificateCheck.IsCertificateAuthority(partner))
            {
                problems["certificate"] = ["A self-signed certificate given without caCertificates must carry basicConstraints CA:TRUE (it becomes its own CA)."];
            }
        }
        else if (offered.Authorities.Any(CertificateCheck.IsSelfSigned))
        {
            if (!CertificateCheck.ChainsTo(partner, offered.Authorities, now))
            {
                problems["certificate"] = ["Does not chain to the given caCertificates."];
            }
        }
        else if (offered.Authorities.Count == 0 && !trustStore.VerifyCertificateTrust(partner.ExportCertificatePem(), Domain))
        {
            problems["caCertificates"] = ["Required: the certificate's issuing CA(s); none in the trust store issued it."];
        }

        return problems.Count > 0 ? Fail(offered) : offered;
    }

    /// <summary>Puts the CAs (roots first) and the partner certificate in the trust store; the value is the partner certificate's id there.</summary>
    public PartnerOutcome<string?> Store(OfferedCertificates offered, string partnerName)
    {
        var ordered = offered.Authorities.Select((certificate, index) => (certificate, index))
            .OrderBy(pair => CertificateCheck.IsSelfSigned(pair.certificate) ? 0 : 1);
        foreach (var (authority, index) in ordered)
        {
            try
            {
                trustStore.UploadCaCertificate(authority.ExportCertificatePem(), Domain);
            }
            catch (KeysException ex) when (ex.Error.Code == KeysErrors.PartnerCertificateExists.Code)
            {
                // Already trusted (another partner of the same organisation brought it).
            }
            catch (KeysException ex)
            {
                return PartnerOutcome<string?>.Invalid($"caCertificates[{index}]", $"The trust store refused it: {ex.Error.Code} {ex.Error.Message}");
            }
        }

        var pem = offered.Partner.ExportCertificatePem();
        try
        {
            if (offered.SelfSigned)
            {
                return PartnerOutcome<string?>.Done(trustStore.UploadCaCertificate(pem, Domain));
            }

            return PartnerOutcome<string?>.Done(trustStore.UploadPartnerCertificate(pem, OrganizationOf(offered.Partner) ?? partnerName, Domain).CertificateId);
        }
        catch (KeysException ex) when (ex.Error.Code == KeysErrors.PartnerCertificateExists.Code)
        {
            if (offered.SelfSigned)
            {
                return PartnerOutcome<string?>.Done(null);
            }

            return PartnerOutcome<string?>.Conflict("The trust store already holds this certificate for another partner; each partner needs its own.");
        }
        catch (KeysException ex)
        {
            return PartnerOutcome<string?>.Invalid("certificate", $"The trust store refused it: {ex.Error.Code} {ex.Error.Message}");
        }
    }

    private static string? OrganizationOf(X509Certificate2 certificate) =>
        certificate.SubjectName.EnumerateRelativeDistinguishedNames()
            .Where(rdn => rdn.GetSingleElementType().Value == "2.5.4.10")
            .Select(rdn => rdn.GetSingleElementValue())
            .FirstOrDefault();

    private static OfferedCertificates? Fail(OfferedCertificates offered)
    {
        offered.Dispose();
        return null;
    }
}

/// <summary>The certificates of one onboarding request, parsed; disposed with the request.</summary>
internal sealed class OfferedCertificates(X509Certificate2? partner) : IDisposable
{
    public X509Certificate2 Partner { get; } = partner!;

    public List<X509Certificate2> Authorities { get; } = [];

    public bool SelfSigned { get; set; }

    public string Thumbprint => CertificateCheck.ThumbprintHex(Partner);

    public void Dispose()
    {
        Partner?.Dispose();
        foreach (var authority in Authorities)
        {
            authority.Dispose();
        }
    }
}
