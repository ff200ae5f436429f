using Civitas.Common.Errors;

namespace Civitas.Audit.Api;

/// <summary>The audit manager's error catalogue, codes and messages as the MOSIP kernel seed lists them.</summary>
internal static class AuditErrors
{
    public const string Prefix = "KER-AUD";

    public static readonly ServiceError MissingParameters = new("KER-AUD-001", "Invalid Audit Request. Required parameters must be present");

    public static readonly ServiceError InvalidFormat = new("KER-AUD-002", "Invalid Audit Request. Format is incorrect.");

    public static readonly ServiceError Internal = new("KER-AUD-500", "Internal server error");
}
