namespace Civitas.Kernel.Persistence;

/// <summary>
/// One OTP key's state. The key itself is stored only as a keyed hash (it is often a phone number),
/// the OTP only as a keyed hash of key and code; <see cref="OtpHash"/> is null once consumed.
/// </summary>
internal sealed class OtpEntry
{
    public byte[] KeyHash { get; set; } = [];

    public byte[]? OtpHash { get; set; }

    public long ExpiresAtMs { get; set; }

    public int Attempts { get; set; }

    public long? FrozenUntilMs { get; set; }
}

internal sealed class UinEntry
{
    public string Uin { get; set; } = "";

    public string Status { get; set; } = UinStatus.Unused;

    public long CreatedAtMs { get; set; }

    public long UpdatedAtMs { get; set; }
}

internal static class UinStatus
{
    public const string Unused = "UNUSED";
    public const string Issued = "ISSUED";
    public const string Assigned = "ASSIGNED";
    public const string Unassigned = "UNASSIGNED";
}

internal sealed class VidEntry
{
    public string Vid { get; set; } = "";

    public string VidType { get; set; } = "";

    public long CreatedAtMs { get; set; }

    public long? ExpiresAtMs { get; set; }
}

internal sealed class RidSequence
{
    public string CenterId { get; set; } = "";

    public string MachineId { get; set; } = "";

    public int Sequence { get; set; }
}

internal sealed class LicenseKeyEntry
{
    public string LicenseKey { get; set; } = "";

    public string TspId { get; set; } = "";

    public string Status { get; set; } = "ACTIVE";

    public DateTime ExpiresAt { get; set; }

    public DateTime CreatedAt { get; set; }
}

internal sealed class LicensePermissionEntry
{
    public string LicenseKey { get; set; } = "";

    public string Permission { get; set; } = "";
}
