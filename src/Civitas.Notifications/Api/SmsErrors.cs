using Civitas.Common.Errors;

namespace Civitas.Notifications.Api;

/// <summary>The SMS notifier's error catalogue, codes and messages as the MOSIP kernel seed lists them.</summary>
internal static class SmsErrors
{
    public const string Prefix = "KER-NOS";

    public static readonly ServiceError MissingInput = new("KER-NOS-001", "Number and message can't be empty, null");

    public static readonly ServiceError InvalidNumber = new("KER-NOS-002", "Contact number cannot contains alphabet,special character or less than or more than");

    public static readonly ServiceError Internal = new("KER-NOS-500", "Internal server error");
}
