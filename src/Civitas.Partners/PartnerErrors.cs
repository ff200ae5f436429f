namespace Civitas.Partners;

/// <summary>The IDA partner codes <see cref="IPartnerDirectory"/> answers with, with MOSIP's messages.</summary>
public static class PartnerErrors
{
    public static PartnerCheck UnknownLicense { get; } = PartnerCheck.Refused("IDA-MPA-007", "License key does not belong to a registered MISP");

    public static PartnerCheck LicenseExpired { get; } = PartnerCheck.Refused("IDA-MPA-008", "License key of MISP has expired");

    public static PartnerCheck PartnerNotRegistered { get; } = PartnerCheck.Refused("IDA-MPA-009", "Partner is not registered");

    public static PartnerCheck MispNotMapped { get; } = PartnerCheck.Refused("IDA-MPA-010", "MISP and Partner not mapped");

    public static PartnerCheck PartnerDeactivated { get; } = PartnerCheck.Refused("IDA-MPA-012", "Partner is deactivated");

    public static PartnerCheck NoPolicy { get; } = PartnerCheck.Refused("IDA-MPA-014", "Partner is not assigned with any policy");

    public static PartnerCheck LicenseBlocked { get; } = PartnerCheck.Refused("IDA-MPA-017", "License key of MISP is blocked");

    public static PartnerCheck PolicyInactive { get; } = PartnerCheck.Refused("IDA-MPA-019", "Partner policy is not active");
}
