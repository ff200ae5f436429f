using Civitas.Kernel.Licenses;

namespace Civitas.Partners.Admin;

/// <summary>
/// A MISP's licence key from the kernel, with permissions mapped (the kernel reports a key's status only once it
/// has some). The kernel's default permission names are tried together, then one by one if the deployment
/// configured a different list, keeping those it accepts.
/// </summary>
internal static class MispLicenses
{
    private static readonly string[] Permissions =
    [
        "OTP Trigger", "OTP Authentication", "Demo Authentication - Address Validation",
        "Demo Authentication - Name Validation", "Demo Authentication - Personal Identity",
        "Bio Authentication - FMR Validation", "Bio Authentication - IIR Validation",
        "Bio Authentication - FID Validation", "Static Pin Authentication", "e-KYC Authentication",
    ];

    public static async Task<string> IssueAsync(ILicenseKeyService licenses, string mispId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var generated = await licenses.GenerateAsync(mispId, expiresAt, cancellationToken);
        if (generated.Error is { } error)
        {
            throw new InvalidOperationException($"The kernel refused a licence key: {error.ErrorCode} {error.Message}");
        }

        var key = generated.Value!;
        if ((await licenses.MapPermissionsAsync(mispId, key, Permissions, cancellationToken)).Error is null)
        {
            return key;
        }

        var accepted = new List<string?>();
        foreach (var permission in Permissions)
        {
            if ((await licenses.MapPermissionsAsync(mispId, key, [.. accepted, permission], cancellationToken)).Error is null)
            {
                accepted.Add(permission);
            }
        }

        return accepted.Count > 0
            ? key
            : throw new InvalidOperationException("The kernel accepts none of the IDA licence permissions; check Civitas:Kernel:License:Permissions.");
    }
}
