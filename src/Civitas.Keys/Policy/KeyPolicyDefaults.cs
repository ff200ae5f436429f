namespace Civitas.Keys.Policy;

/// <summary>The policies MOSIP ships (REFERENCE.md §2); configuration can override or add to them.</summary>
internal static class KeyPolicyDefaults
{
    public const string Root = "ROOT";
    public const string Base = "BASE";

    public static IReadOnlyList<KeyPolicy> All { get; } =
    [
        new(Root, 2920, 1125),
        new(Base, 730, 30),
        new("PMS", 1460, 395),
        new("KERNEL", 1095, 60),
        new("REGISTRATION", 1095, 60),
        new("REGISTRATION_PROCESSOR", 1095, 60),
        new("PRE_REGISTRATION", 1095, 60),
        new("IDA", 1095, 60),
        new("ID_REPO", 1095, 60),
        new("RESIDENT", 1095, 60),
        new("PARTNER", 1095, 60),
        new("COMPLIANCE_TOOLKIT", 1095, 60),
        new("DIGITAL_CARD", 1095, 60),
        new("CREDENTIAL_SERVICE", 1095, 60),
        new("MIMOTO", 1095, 60),
        new("ESIGNET", 1095, 60),
        new("OIDC_SERVICE", 1095, 60),
        new("WALLET", 1095, 60),
    ];
}
