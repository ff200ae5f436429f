using System.Globalization;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Civitas.Kernel.Licenses;
using Civitas.Keys.Management;
using Civitas.Partners.Api;
using Civitas.Partners.Directory;
using Civitas.Partners.Persistence;
using Civitas.Partners.Protection;
using Microsoft.EntityFrameworkCore;

namespace Civitas.Partners.Admin;

/// <summary>
/// MISPs, policies and partners. Every request is checked in full before anything is written; each change is one
/// database transaction. Changes drop what this node's <see cref="PartnerDirectory"/> had cached.
/// </summary>
internal sealed partial class PartnerAdministration(
    IDbContextFactory<PartnersDbContext> databases,
    IServiceScopeFactory scopes,
    PartnerCertificates certificates,
    IKeyManager keys,
    PartnerDirectory directory,
    TimeProvider clock) : IPartnerAdministration
{
    private const string Active = "ACTIVE";

    /// <summary>Ids that would collide with the module's own routes under <c>/v1/partners</c>.</summary>
    private static readonly string[] ReservedIds = ["misps", "policies", "ida-certificate"];

    public async Task<PartnerOutcome<MispView>> CreateMispAsync(CreateMispRequest request, CancellationToken cancellationToken = default)
    {
        var problems = new Dictionary<string, string[]>();
        var name = PolicyValidation.CheckName(request?.Name, "name", problems);
        var now = clock.GetUtcNow();
        var expiresAt = now.AddYears(1);
        if (request?.LicenseExpiresAt is { } text)
        {
            if (!DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out expiresAt))
            {
                problems["licenseExpiresAt"] = ["Not an ISO-8601 date and time (e.g. 2027-01-31T00:00:00Z)."];
            }
            else if (expiresAt <= now)
            {
                problems["licenseExpiresAt"] = ["Must be in the future."];
            }
        }

        if (problems.Count > 0)
        {
            return PartnerOutcome<MispView>.Invalid(problems);
        }

        var mispId = "misp-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        await using var scope = scopes.CreateAsyncScope();
        var licenseKey = await MispLicenses.IssueAsync(scope.ServiceProvider.GetRequiredService<ILicenseKeyService>(), mispId, expiresAt, cancellationToken);

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        db.Misps.Add(new MispRow { Id = mispId, Name = name!, LicenseKeyHash = SecretHash.OfLicenseKey(licenseKey), CreatedAtUtc = now.UtcDateTime });
        await db.SaveChangesAsync(cancellationToken);
        return PartnerOutcome<MispView>.Done(new MispView(mispId, name!, licenseKey, expiresAt));
    }

    public async Task<string?> FindMispIdAsync(string idOrName, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (await db.Misps.AsNoTracking().AnyAsync(m => m.Id == idOrName, cancellationToken))
        {
            return idOrName;
        }

        var named = await db.Misps.AsNoTracking().Where(m => m.Name == idOrName).Select(m => m.Id).Take(2).ToListAsync(cancellationToken);
        return named.Count == 1 ? named[0] : null;
    }

    public async Task<bool> IsLicenseOfAsync(string mispId, string licenseKey, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var stored = await db.Misps.AsNoTracking().Where(m => m.Id == mispId).Select(m => m.LicenseKeyHash).SingleOrDefaultAsync(cancellationToken);
        return stored is not null && SecretHash.Matches(stored, SecretHash.OfLicenseKey(licenseKey));
    }

    public async Task<PartnerOutcome<PolicyView>> CreatePolicyAsync(CreatePolicyRequest request, CancellationToken cancellationToken = default)
    {
        var problems = new Dictionary<string, string[]>();
        var valid = PolicyValidation.Check(request, problems);
        if (valid is null)
        {
            return PartnerOutcome<PolicyView>.Invalid(problems);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var row = new PolicyRow
        {
            Id = "policy-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6)),
            Name = valid.Name,
            Status = Active,
            AllowedAuthTypes = PolicyRules.Join(valid.AllowedAuthTypes),
            MandatoryAuthTypes = PolicyRules.Join(valid.MandatoryAuthTypes),
            AllowedKycAttributes = PolicyRules.Join(valid.AllowedKycAttributes),
            AuthTokenType = valid.AuthTokenType,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        };
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        db.Policies.Add(row);
        await db.SaveChangesAsync(cancellationToken);
        return PartnerOutcome<PolicyView>.Done(ToView(row));
    }

    public async Task<PolicyView?> GetPolicyAsync(string policyId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var row = await db.Policies.AsNoTracking().SingleOrDefaultAsync(p => p.Id == policyId, cancellationToken);
        return row is null ? null : ToView(row);
    }

    public async Task<PartnerOutcome<PolicyView>> SetPolicyStatusAsync(string policyId, string? status, CancellationToken cancellationToken = default)
    {
        var wanted = PolicyRules.Canonical(PolicyRules.PolicyStatuses, status);
        if (wanted is null)
        {
            return PartnerOutcome<PolicyView>.Invalid("status", "Use ACTIVE or INACTIVE.");
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var row = await db.Policies.SingleOrDefaultAsync(p => p.Id == policyId, cancellationToken);
        if (row is null)
        {
            return PartnerOutcome<PolicyView>.NotFound("No policy with this id.");
        }

        row.Status = wanted;
        row.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        directory.ForgetAllPartners();
        return PartnerOutcome<PolicyView>.Done(ToView(row));
    }

    public IReadOnlyDictionary<string, string[]> CheckCertificates(string? certificate, IReadOnlyList<string?>? caCertificates)
    {
        var problems = new Dictionary<string, string[]>();
        using var offered = certificates.Check(certificate, caCertificates, problems);
        return problems;
    }

    public async Task<PartnerOutcome<OnboardedPartnerView>> CreatePartnerAsync(CreatePartnerRequest request, CancellationToken cancellationToken = default)
    {
        if (request is null)
        {
            return PartnerOutcome<OnboardedPartnerView>.Invalid("body", "Required: a JSON partner.");
        }

        var problems = new Dictionary<string, string[]>();
        var partnerId = request.PartnerId?.Trim() ?? "partner-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        if (!PartnerIdPattern().IsMatch(partnerId) || ReservedIds.Contains(partnerId, StringComparer.OrdinalIgnoreCase))
        {
            problems["partnerId"] = ["Use 3 to 64 of A-Z, a-z, 0-9, '_' and '-' (not misps, policies or ida-certificate)."];
        }

        var name = PolicyValidation.CheckName(request.Name, "name", problems);
        var kind = PolicyRules.Canonical(PolicyRules.Kinds, request.Kind);
        if (kind is null)
        {
            problems["kind"] = ["Use AUTH or EKYC."];
        }

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var mispId = request.MispId?.Trim();
        if (string.IsNullOrEmpty(mispId) || !await db.Misps.AnyAsync(m => m.Id == mispId, cancellationToken))
        {
            problems["mispId"] = [string.IsNullOrEmpty(mispId) ? "Required." : "No MISP with this id."];
        }

        var policyId = request.PolicyId?.Trim();
        if (string.IsNullOrEmpty(policyId) || !await db.Policies.AnyAsync(p => p.Id == policyId, cancellationToken))
        {
            problems["policyId"] = [string.IsNullOrEmpty(policyId) ? "Required." : "No policy with this id."];
        }

        using var offered = certificates.Check(request.Certificate, request.CaCertificates, problems);
        if (problems.Count > 0)
        {
            return PartnerOutcome<OnboardedPartnerView>.Invalid(problems);
        }

        if (await db.Partners.AnyAsync(p => p.Id == partnerId, cancellationToken))
        {
            return PartnerOutcome<OnboardedPartnerView>.Conflict($"A partner with id {partnerId} exists.");
        }

        if (await db.Partners.AnyAsync(p => p.CertificateThumbprint == offered!.Thumbprint, cancellationToken))
        {
            return PartnerOutcome<OnboardedPartnerView>.Conflict("This certificate belongs to another partner; each partner needs its own.");
        }

        // The trust store is the last thing that can refuse; only then is the partner written.
        var stored = certificates.Store(offered!, name!);
        if (!stored.Succeeded)
        {
            return stored.Kind == PartnerOutcomeKind.Conflict
                ? PartnerOutcome<OnboardedPartnerView>.Conflict(stored.Detail!)
                : PartnerOutcome<OnboardedPartnerView>.Invalid(stored.Problems!);
        }

        var apiKey = SecretHash.NewApiKey();
        var now = clock.GetUtcNow().UtcDateTime;
        db.Partners.Add(new PartnerRow
        {
            Id = partnerId,
            Name = name!,
            Kind = kind!,
            MispId = mispId!,
            PolicyId = policyId,
            Status = Active,
            ApiKeyHash = SecretHash.OfApiKey(apiKey),
            CertificatePem = offered!.Partner.ExportCertificatePem(),
            CertificateThumbprint = offered.Thumbprint,
            TrustCertificateId = stored.Value,
            CreatedAtUtc = now,
            UpdatedAtUtc = now,
        });
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return PartnerOutcome<OnboardedPartnerView>.Conflict($"A partner with id {partnerId} or this certificate was created meanwhile.");
        }

        directory.Forget(partnerId);
        return PartnerOutcome<OnboardedPartnerView>.Done(new OnboardedPartnerView(partnerId, name!, kind!, mispId!, policyId!, Active, apiKey, GetIdaCertificate()));
    }

    public async Task<PartnerView?> GetPartnerAsync(string partnerId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var row = await db.Partners.AsNoTracking().SingleOrDefaultAsync(p => p.Id == partnerId, cancellationToken);
        return row is null ? null : ToView(row);
    }

    public async Task<IReadOnlyList<PartnerView>> ListPartnersAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var rows = await db.Partners.AsNoTracking().OrderBy(p => p.Id).ToListAsync(cancellationToken);
        return [.. rows.Select(ToView)];
    }

    public Task<PartnerOutcome<PartnerView>> SetPartnerStatusAsync(string partnerId, string? status, CancellationToken cancellationToken = default)
    {
        var wanted = PolicyRules.Canonical(PolicyRules.PartnerStatuses, status);
        return wanted is null
            ? Task.FromResult(PartnerOutcome<PartnerView>.Invalid("status", "Use ACTIVE or DEACTIVATED."))
            : ChangePartnerAsync(partnerId, row => row.Status = wanted, row => ToView(row), cancellationToken);
    }

    public Task<PartnerOutcome<ApiKeyView>> RotateApiKeyAsync(string partnerId, CancellationToken cancellationToken = default)
    {
        var apiKey = SecretHash.NewApiKey();
        return ChangePartnerAsync(partnerId, row => row.ApiKeyHash = SecretHash.OfApiKey(apiKey), _ => new ApiKeyView(apiKey), cancellationToken);
    }

    public IdaCertificateView GetIdaCertificate()
    {
        var pem = keys.GetCertificate(IdaKeys.ApplicationId, IdaKeys.PartnerReference).CertificatePem;
        using var certificate = System.Security.Cryptography.X509Certificates.X509Certificate2.CreateFromPem(pem);
        var thumbprint = SHA256.HashData(certificate.RawData);
        return new IdaCertificateView(pem, Convert.ToHexString(thumbprint), System.Buffers.Text.Base64Url.EncodeToString(thumbprint));
    }

    private async Task<PartnerOutcome<T>> ChangePartnerAsync<T>(string partnerId, Action<PartnerRow> change, Func<PartnerRow, T> result, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var row = await db.Partners.SingleOrDefaultAsync(p => p.Id == partnerId, cancellationToken);
        if (row is null)
        {
            return PartnerOutcome<T>.NotFound("No partner with this id.");
        }

        change(row);
        row.UpdatedAtUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        directory.Forget(partnerId);
        return PartnerOutcome<T>.Done(result(row));
    }

    private static PolicyView ToView(PolicyRow row) => new(
        row.Id,
        row.Name,
        row.Status,
        PolicyRules.SplitOrdered(row.AllowedAuthTypes),
        PolicyRules.SplitOrdered(row.MandatoryAuthTypes),
        PolicyRules.SplitOrdered(row.AllowedKycAttributes),
        row.AuthTokenType);

    private static PartnerView ToView(PartnerRow row) => new(
        row.Id,
        row.Name,
        row.Kind,
        row.MispId,
        row.PolicyId,
        row.Status,
        row.CertificatePem,
        DateTime.SpecifyKind(row.CreatedAtUtc, DateTimeKind.Utc),
        DateTime.SpecifyKind(row.UpdatedAtUtc, DateTimeKind.Utc));

    [GeneratedRegex("^[A-Za-z0-9_-]{3,64}$")]
    private static partial Regex PartnerIdPattern();
}
