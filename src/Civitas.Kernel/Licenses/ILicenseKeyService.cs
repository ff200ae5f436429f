using Civitas.Common.Errors;

namespace Civitas.Kernel.Licenses;

/// <summary>
/// Licence keys of partners (TSP/MISP): generation with an expiry, the permissions a key carries, its status.
/// Every call answers a value or one of the <see cref="LicenseErrors"/>.
/// </summary>
public interface ILicenseKeyService
{
    Task<LicenseOutcome<string>> GenerateAsync(string? tspId, DateTimeOffset expiresAt, CancellationToken cancellationToken = default);

    /// <summary>Sets the key's permissions to exactly <paramref name="permissions"/> (each from the configured list).</summary>
    Task<LicenseOutcome<IReadOnlyList<string>>> MapPermissionsAsync(
        string? tspId, string? licenseKey, IReadOnlyList<string?>? permissions, CancellationToken cancellationToken = default);

    Task<LicenseOutcome<LicensePermissions>> GetPermissionsAsync(string? tspId, string? licenseKey, CancellationToken cancellationToken = default);

    /// <summary>ACTIVE, SUSPENDED or BLOCKED.</summary>
    Task<LicenseOutcome<string>> ChangeStatusAsync(string? licenseKey, string? status, CancellationToken cancellationToken = default);
}

public sealed record LicenseOutcome<T>(T? Value, ServiceError? Error)
{
    public static LicenseOutcome<T> Fail(ServiceError error) => new(default, error);
}

public sealed record LicensePermissions(IReadOnlyList<string> Permissions, string Status, DateTimeOffset ExpiresAt);
