using System.Security.Cryptography;
using Civitas.Kernel.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Civitas.Kernel.Licenses;

internal sealed class LicenseKeyService(KernelDbContext db, IOptions<KernelOptions> options, TimeProvider clock) : ILicenseKeyService
{
    public static readonly string[] Statuses = ["ACTIVE", "SUSPENDED", "BLOCKED"];
    private const string Alphanumeric = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>Shorter keys could be guessed; a configuration asking for them is refused like MOSIP's length check.</summary>
    private const int MinKeyLength = 8;

    private const int MaxIdLength = 64;

    public async Task<LicenseOutcome<string>> GenerateAsync(string? tspId, DateTimeOffset expiresAt, CancellationToken cancellationToken = default)
    {
        if (!IsPresent(tspId, out var tsp))
        {
            return LicenseOutcome<string>.Fail(LicenseErrors.IllegalTsp);
        }

        var now = clock.GetUtcNow();
        if (expiresAt <= now)
        {
            return LicenseOutcome<string>.Fail(LicenseErrors.ExpiryInPast);
        }

        var length = options.Value.License.KeyLength;
        var key = length >= MinKeyLength ? RandomNumberGenerator.GetString(Alphanumeric, length) : "";
        if (key.Length != length || length < MinKeyLength || length > MaxIdLength)
        {
            return LicenseOutcome<string>.Fail(LicenseErrors.InvalidGeneratedKey);
        }

        db.LicenseKeys.Add(new LicenseKeyEntry
        {
            LicenseKey = key,
            TspId = tsp,
            Status = "ACTIVE",
            ExpiresAt = expiresAt.UtcDateTime,
            CreatedAt = now.UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        return new LicenseOutcome<string>(key, null);
    }

    public async Task<LicenseOutcome<IReadOnlyList<string>>> MapPermissionsAsync(
        string? tspId, string? licenseKey, IReadOnlyList<string?>? permissions, CancellationToken cancellationToken = default)
    {
        if (!IsPresent(tspId, out var tsp))
        {
            return LicenseOutcome<IReadOnlyList<string>>.Fail(LicenseErrors.IllegalTsp);
        }

        if (!IsPresent(licenseKey, out var key))
        {
            return LicenseOutcome<IReadOnlyList<string>>.Fail(LicenseErrors.IllegalLicenseKey);
        }

        if (permissions is not { Count: > 0 } || permissions.Any(string.IsNullOrWhiteSpace))
        {
            return LicenseOutcome<IReadOnlyList<string>>.Fail(LicenseErrors.IllegalPermission);
        }

        var accepted = new List<string>(permissions.Count);
        foreach (var permission in permissions)
        {
            var known = Array.Find(options.Value.License.Permissions, p => string.Equals(p, permission!.Trim(), StringComparison.OrdinalIgnoreCase));
            if (known is null)
            {
                return LicenseOutcome<IReadOnlyList<string>>.Fail(LicenseErrors.PermissionNotAccepted.WithDetail(permission!.Trim()));
            }

            if (!accepted.Contains(known))
            {
                accepted.Add(known);
            }
        }

        if (await FindUsableAsync(tsp, key, cancellationToken) is { } problem)
        {
            return LicenseOutcome<IReadOnlyList<string>>.Fail(problem);
        }

        // Replace the whole set in one transaction: readers never see a half-mapped key.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LicensePermissions.Where(p => p.LicenseKey == key).ExecuteDeleteAsync(cancellationToken);
        db.LicensePermissions.AddRange(accepted.Select(p => new LicensePermissionEntry { LicenseKey = key, Permission = p }));
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return new LicenseOutcome<IReadOnlyList<string>>(accepted, null);
    }

    public async Task<LicenseOutcome<LicensePermissions>> GetPermissionsAsync(string? tspId, string? licenseKey, CancellationToken cancellationToken = default)
    {
        if (!IsPresent(tspId, out var tsp))
        {
            return LicenseOutcome<LicensePermissions>.Fail(LicenseErrors.IllegalTsp);
        }

        if (!IsPresent(licenseKey, out var key))
        {
            return LicenseOutcome<LicensePermissions>.Fail(LicenseErrors.IllegalLicenseKey);
        }

        var license = await db.LicenseKeys.AsNoTracking().FirstOrDefaultAsync(l => l.LicenseKey == key && l.TspId == tsp, cancellationToken);
        if (license is null)
        {
            return LicenseOutcome<LicensePermissions>.Fail(LicenseErrors.NotFound);
        }

        if (IsExpired(license))
        {
            return LicenseOutcome<LicensePermissions>.Fail(LicenseErrors.Expired);
        }

        var permissions = await db.LicensePermissions.AsNoTracking().Where(p => p.LicenseKey == key)
            .OrderBy(p => p.Permission).Select(p => p.Permission).ToListAsync(cancellationToken);
        return permissions.Count == 0
            ? LicenseOutcome<LicensePermissions>.Fail(LicenseErrors.NoPermissions)
            : new LicenseOutcome<LicensePermissions>(
                new LicensePermissions(permissions, license.Status, new DateTimeOffset(DateTime.SpecifyKind(license.ExpiresAt, DateTimeKind.Utc))), null);
    }

    public async Task<LicenseOutcome<string>> ChangeStatusAsync(string? licenseKey, string? status, CancellationToken cancellationToken = default)
    {
        if (!IsPresent(licenseKey, out var key))
        {
            return LicenseOutcome<string>.Fail(LicenseErrors.IllegalLicenseKey);
        }

        var wanted = Array.Find(Statuses, s => string.Equals(s, status?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (wanted is null)
        {
            return LicenseOutcome<string>.Fail(LicenseErrors.Codes.InvalidInput("status must be ACTIVE, SUSPENDED or BLOCKED"));
        }

        var license = await db.LicenseKeys.FirstOrDefaultAsync(l => l.LicenseKey == key, cancellationToken);
        if (license is null)
        {
            return LicenseOutcome<string>.Fail(LicenseErrors.NotFound);
        }

        if (IsExpired(license))
        {
            return LicenseOutcome<string>.Fail(LicenseErrors.Expired);
        }

        license.Status = wanted;
        await db.SaveChangesAsync(cancellationToken);
        return new LicenseOutcome<string>(wanted, null);
    }

    private async Task<Civitas.Common.Errors.ServiceError?> FindUsableAsync(string tsp, string key, CancellationToken cancellationToken)
    {
        var license = await db.LicenseKeys.AsNoTracking().FirstOrDefaultAsync(l => l.LicenseKey == key && l.TspId == tsp, cancellationToken);
        return license is null ? LicenseErrors.NotFound : IsExpired(license) ? LicenseErrors.Expired : null;
    }

    private bool IsExpired(LicenseKeyEntry license) => license.ExpiresAt <= clock.GetUtcNow().UtcDateTime;

    private static bool IsPresent(string? value, out string trimmed)
    {
        trimmed = value?.Trim() ?? "";
        return trimmed.Length is > 0 and <= MaxIdLength;
    }
}
