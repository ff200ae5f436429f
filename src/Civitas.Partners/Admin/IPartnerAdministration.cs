using Civitas.Partners.Api;

namespace Civitas.Partners.Admin;

/// <summary>Onboarding and upkeep of MISPs, policies and partners: what the admin routes and <c>civitas partner</c> call.</summary>
public interface IPartnerAdministration
{
    Task<PartnerOutcome<MispView>> CreateMispAsync(CreateMispRequest request, CancellationToken cancellationToken = default);

    /// <summary>The id of the MISP whose id is <paramref name="idOrName"/>, else of the one MISP with that name; null when none or several.</summary>
    Task<string?> FindMispIdAsync(string idOrName, CancellationToken cancellationToken = default);

    /// <summary>True when <paramref name="licenseKey"/> is the licence key of MISP <paramref name="mispId"/>.</summary>
    Task<bool> IsLicenseOfAsync(string mispId, string licenseKey, CancellationToken cancellationToken = default);

    Task<PartnerOutcome<PolicyView>> CreatePolicyAsync(CreatePolicyRequest request, CancellationToken cancellationToken = default);

    Task<PolicyView?> GetPolicyAsync(string policyId, CancellationToken cancellationToken = default);

    Task<PartnerOutcome<PolicyView>> SetPolicyStatusAsync(string policyId, string? status, CancellationToken cancellationToken = default);

    /// <summary>What onboarding would say about these certificates (empty when they would do), without storing anything.</summary>
    IReadOnlyDictionary<string, string[]> CheckCertificates(string? certificate, IReadOnlyList<string?>? caCertificates);

    Task<PartnerOutcome<OnboardedPartnerView>> CreatePartnerAsync(CreatePartnerRequest request, CancellationToken cancellationToken = default);

    Task<PartnerView?> GetPartnerAsync(string partnerId, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<PartnerView>> ListPartnersAsync(CancellationToken cancellationToken = default);

    Task<PartnerOutcome<PartnerView>> SetPartnerStatusAsync(string partnerId, string? status, CancellationToken cancellationToken = default);

    /// <summary>A new API key; the old one stops working at once on this node (other nodes within the cache time).</summary>
    Task<PartnerOutcome<ApiKeyView>> RotateApiKeyAsync(string partnerId, CancellationToken cancellationToken = default);

    IdaCertificateView GetIdaCertificate();
}
