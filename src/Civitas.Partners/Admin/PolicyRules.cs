namespace Civitas.Partners.Admin;

/// <summary>The names a policy may use, in their canonical spelling, and how lists are stored.</summary>
internal static class PolicyRules
{
    public static readonly string[] AuthTypes = ["otp", "otp-request", "demo", "pin", "bio-Finger", "bio-Iris", "bio-Face", "kyc"];

    public static readonly string[] KycAttributes =
    [
        "fullName", "dateOfBirth", "gender", "phone", "email", "addressLine1", "addressLine2", "addressLine3",
        "city", "region", "postalCode", "photo",
    ];

    public static readonly string[] TokenTypes = ["PARTNER", "POLICY", "RANDOM"];

    public static readonly string[] PolicyStatuses = ["ACTIVE", "INACTIVE"];

    public static readonly string[] PartnerStatuses = ["ACTIVE", "DEACTIVATED"];

    public static readonly string[] Kinds = ["AUTH", "EKYC"];

    /// <summary>The canonical spelling of <paramref name="value"/> among <paramref name="names"/> (case-insensitive), or null.</summary>
    public static string? Canonical(IEnumerable<string> names, string? value) =>
        value is null ? null : names.FirstOrDefault(name => string.Equals(name, value.Trim(), StringComparison.OrdinalIgnoreCase));

    public static string Join(IEnumerable<string> values) => string.Join(' ', values);

    public static IReadOnlySet<string> Split(string stored) =>
        stored.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    public static IReadOnlyList<string> SplitOrdered(string stored) => stored.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    public static AuthTokenType ToTokenType(string stored) => stored switch
    {
        "POLICY" => AuthTokenType.Policy,
        "RANDOM" => AuthTokenType.Random,
        _ => AuthTokenType.Partner,
    };
}
