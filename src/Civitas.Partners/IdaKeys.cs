namespace Civitas.Partners;

/// <summary>
/// The key-manager keys of ID authentication (application <c>IDA</c>, as in MOSIP). Partners encrypt requests to
/// the <see cref="PartnerReference"/> certificate, which onboarding hands them; internal callers use
/// <see cref="InternalReference"/>; responses are signed with <see cref="SignReference"/>.
/// </summary>
public static class IdaKeys
{
    public const string ApplicationId = "IDA";

    public const string PartnerReference = "PARTNER";

    public const string InternalReference = "INTERNAL";

    public const string SignReference = "SIGN";
}
