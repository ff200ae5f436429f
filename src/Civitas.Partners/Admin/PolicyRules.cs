namespace Civitas.Partners.Admin;

/// <summary>The names a policy may use, in their canonical spelling, and how lists are stored.</summary>
public static class PolicyRules
{
    public static IReadOnlyList<string> AuthTypes { get; } = ["otp", "otp-request", "demo", "pin", "bio-Finger", "bio-Iris", "bio-Face", "kyc"];

    public static IReadOnlyList<string> KycAttributes { get; } =
    [
        "fullName", "dateOfBirth", "gender", "phone", "email", "addressLine1", "addressLine2", "addressLine3",
        "city", "region", "postalCode", "photo",
    ];

    public static IReadOnlyList<string> TokenTypes { get; } = ["PARTNER", "POLICY", "RANDOM"];

    public static IReadOnlyList<string> PolicyStatuses { get; } = ["ACTIVE", "INACTIVE"];

    public static IReadOnlyList<string> PartnerStatuses { get; } = ["ACTIVE", "DEACTIVATED"];

    public static IReadOnlyList<string> Kinds { get; } = ["AUTH", "EKYC"];

    /// <summary>The canonical spelling of <paramref name="value"/> among <paramref name="names"/> (case-insensitive), or null.</summary>
    internal static string? Canonical(IEnumerable<string> names, string? value) =>
        value is null ? null : names.FirstOrDefault(name => string.Equals(name, value.Trim(), StringComparison.OrdinalIgnoreCase));

    internal static string Join(IEnumerable<string> values) => string.Join(' ', values);

    internal static IReadOnlySet<string> Split(string stored) =>
        stored.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToHashSet(StringComparer.Ordinal);

    internal static IReadOnlyList<string> SplitOrdered(string stored) => stored.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    internal static AuthTokenType ToTokenType(string stored) => stored switch
    {
        "POLICY" => AuthTokenType.Policy,
        "RANDOM" => AuthTokenType.Random,
        _ => AuthTokenType.Partner,
    };
}
