using Civitas.Common.Errors;

namespace Civitas.Kernel.Licenses;

/// <summary>The licence key manager's error catalogue: codes and messages exactly as the kernel seed lists them.</summary>
public static class LicenseErrors
{
    public const string Prefix = "KER-LKM";

    public static readonly ServiceError IllegalTsp = new("KER-LKM-001", "TSP entered is null or empty");
    public static readonly ServiceError InvalidGeneratedKey = new("KER-LKM-002", "The length of license key generated was not of the specified length");
    public static readonly ServiceError PermissionNotAccepted = new("KER-LKM-003", "Permission value entered is not accepted");
    public static readonly ServiceError NotFound = new("KER-LKM-004", "LicenseKey Not Found.");
    public static readonly ServiceError Expired = new("KER-LKM-005", "LicenseKey Expired.");
    public static readonly ServiceError IllegalLicenseKey = new("KER-LKM-006", "License Key entered is null or empty.");
    public static readonly ServiceError IllegalPermission = new("KER-LKM-007", "Permission entered is an empty string.");
    public static readonly ServiceError ExpiryInPast = new("KER-LKM-008", "Expiry DateTime should be ahead of current DateTime.");
    public static readonly ServiceError NoPermissions = new("KER-LKM-009", "No Permissions has been mapped to the entered TSP-LicenseKey Pair.");

    internal static readonly ServiceErrorCodes Codes = new(Prefix);
}
