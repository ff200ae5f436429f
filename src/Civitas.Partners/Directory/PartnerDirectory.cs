using Civitas.Kernel.Licenses;
using Civitas.Partners.Admin;
using Civitas.Partners.Persistence;
using Civitas.Partners.Protection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Civitas.Partners.Directory;

/// <summary>
/// Answers ID authentication's "who is calling" on every request. Licences (by the hash of the key) and partners
/// (by id) that were found are cached for <see cref="PartnersOptions.CacheSeconds"/>; misses are not, so a key
/// that was just created works at once. Expiry is checked against the clock on every call, not the cache.
/// Administration on this node drops the entries it changes (<see cref="Forget"/>).
/// </summary>
internal sealed class PartnerDirectory : IPartnerDirectory
{
    private const int MaxInputLength = 256;
    private const string Active = "ACTIVE";

    private readonly IDbContextFactory<PartnersDbContext> _databases;
    private readonly IServiceScopeFactory _scopes;
    private readonly TimeProvider _clock;
    private readonly ShortCache<LicenseEntry> _licenses;
    private readonly ShortCache<PartnerEntry> _partners;

    public PartnerDirectory(IDbContextFactory<PartnersDbContext> databases, IServiceScopeFactory scopes, IOptions<PartnersOptions> options, TimeProvider clock)
    {
        _databases = databases;
        _scopes = scopes;
        _clock = clock;
        var ttl = TimeSpan.FromSeconds(Math.Max(0, options.Value.CacheSeconds));
        _licenses = new ShortCache<LicenseEntry>(ttl, clock);
        _partners = new ShortCache<PartnerEntry>(ttl, clock);
    }

    public Task<PartnerCheck> AuthorizeAsync(string mispLicenseKey, string partnerId, string apiKey, CancellationToken cancellationToken = default) =>
        CheckAsync(mispLicenseKey, partnerId, apiKey ?? "", requireApiKey: true, cancellationToken);

    public Task<PartnerCheck> AuthorizeTspAsync(string tspId, string mispLicenseKey, CancellationToken cancellationToken = default) =>
        CheckAsync(mispLicenseKey, tspId, null, requireApiKey: false, cancellationToken);

    public async Task<PartnerContext?> FindAsync(string partnerId, CancellationToken cancellationToken = default)
    {
        var partner = await FindPartnerAsync(partnerId, cancellationToken);
        return partner is { Status: Active, Policy.Status: Active } ? partner.ToContext() : null;
    }

    /// <summary>Drops a partner from this node's cache after an administrative change (status, API key).</summary>
    public void Forget(string partnerId) => _partners.Remove(partnerId);

    /// <summary>Drops every cached partner (a policy changed, and several partners may share it).</summary>
    public void ForgetAllPartners() => _partners.Clear();

    private async Task<PartnerCheck> CheckAsync(string? licenseKey, string? partnerId, string? apiKey, bool requireApiKey, CancellationToken cancellationToken)
    {
        var license = await FindLicenseAsync(licenseKey, cancellationToken);
        if (license.Refusal is { } refused)
        {
            return refused;
        }

        if (license.Entry!.ExpiresAt <= _clock.GetUtcNow())
        {
            return PartnerErrors.LicenseExpired;
        }

        if (license.Entry.Status != Active)
        {
            return PartnerErrors.LicenseBlocked;
        }

        var partner = await FindPartnerAsync(partnerId, cancellationToken);
        if (partner is null)
        {
            return PartnerErrors.PartnerNotRegistered;
        }

        if (requireApiKey && (apiKey is not { Length: > 0 and <= MaxInputLength } || !SecretHash.Matches(partner.ApiKeyHash, SecretHash.OfApiKey(apiKey))))
        {
            return PartnerErrors.PartnerNotRegistered;
        }

        if (!string.Equals(partner.MispId, license.Entry.MispId, StringComparison.Ordinal))
        {
            return PartnerErrors.MispNotMapped;
        }

        if (partner.Status != Active)
        {
            return PartnerErrors.PartnerDeactivated;
        }

        if (partner.Policy is null)
        {
            return PartnerErrors.NoPolicy;
        }

        return partner.Policy.Status != Active ? PartnerErrors.PolicyInactive : PartnerCheck.Allowed(partner.ToContext());
    }

    private async Task<(LicenseEntry? Entry, PartnerCheck? Refusal)> FindLicenseAsync(string? licenseKey, CancellationToken cancellationToken)
    {
        if (licenseKey is not { Length: > 0 and <= MaxInputLength })
        {
            return (null, PartnerErrors.UnknownLicense);
        }

        var hash = SecretHash.OfLicenseKey(licenseKey);
        var cacheKey = Convert.ToHexString(hash);
        if (_licenses.Get(cacheKey) is { } cached)
        {
            return (cached, null);
        }

        string? mispId;
        await using (var db = await _databases.CreateDbContextAsync(cancellationToken))
        {
            mispId = await db.Misps.AsNoTracking().Where(m => m.LicenseKeyHash == hash).Select(m => m.Id).SingleOrDefaultAsync(cancellationToken);
        }

        if (mispId is null)
        {
            return (null, PartnerErrors.UnknownLicense);
        }

        await using var scope = _scopes.CreateAsyncScope();
        var kernel = scope.ServiceProvider.GetRequiredService<ILicenseKeyService>();
        var outcome = await kernel.GetPermissionsAsync(mispId, licenseKey, cancellationToken);
        if (outcome.Error is { } error)
        {
            // No permissions mapped cannot happen for a MISP made here; refuse it as blocked rather than allow it.
            return (null, error.ErrorCode == LicenseErrors.NotFound.ErrorCode ? PartnerErrors.UnknownLicense
                : error.ErrorCode == LicenseErrors.Expired.ErrorCode ? PartnerErrors.LicenseExpired
                : PartnerErrors.LicenseBlocked);
        }

        var entry = new LicenseEntry(mispId, outcome.Value!.Status, outcome.Value.ExpiresAt);
        _licenses.Set(cacheKey, entry);
        return (entry, null);
    }

    private async Task<PartnerEntry?> FindPartnerAsync(string? partnerId, CancellationToken cancellationToken)
    {
        if (partnerId is not { Length: > 0 and <= MaxInputLength })
        {
            return null;
        }

        if (_partners.Get(partnerId) is { } cached)
        {
            return cached;
        }

        await using var db = await _databases.CreateDbContextAsync(cancellationToken);
        var row = await db.Partners.AsNoTracking().SingleOrDefaultAsync(p => p.Id == partnerId, cancellationToken);
        if (row is null)
        {
            return null;
        }

        var policy = row.PolicyId is null ? null : await db.Policies.AsNoTracking().SingleOrDefaultAsync(p => p.Id == row.PolicyId, cancellationToken);
        var entry = new PartnerEntry(row, policy);
        _partners.Set(partnerId, entry);
        return entry;
    }

    private sealed record LicenseEntry(string MispId, string Status, DateTimeOffset ExpiresAt);

    /// <summary>What the checks need of a partner and its policy, read once.</summary>
    private sealed class PartnerEntry
    {
        private readonly PartnerContext? _context;

        public PartnerEntry(PartnerRow row, PolicyRow? policy)
        {
            MispId = row.MispId;
            Status = row.Status;
            ApiKeyHash = row.ApiKeyHash;
            Policy = policy;
            if (policy is not null)
            {
                _context = new PartnerContext(
                    row.Id,
                    row.Name,
                    row.Kind == "EKYC" ? PartnerKind.Ekyc : PartnerKind.Authentication,
                    row.MispId,
                    row.CertificatePem,
                    new PartnerPolicy(
                        policy.Id,
                        PolicyRules.Split(policy.AllowedAuthTypes),
                        PolicyRules.Split(policy.MandatoryAuthTypes),
                        PolicyRules.Split(policy.AllowedKycAttributes),
                        PolicyRules.ToTokenType(policy.AuthTokenType)));
            }
        }

        public string MispId { get; }

        public string Status { get; }

        public byte[] ApiKeyHash { get; }

        public PolicyRow? Policy { get; }

        public PartnerContext ToContext() => _context ?? throw new InvalidOperationException("A partner without a policy has no context.");
    }
}
