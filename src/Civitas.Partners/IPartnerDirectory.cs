namespace Civitas.Partners;

/// <summary>
/// What ID authentication asks about the caller of a request: is this MISP licence key, partner and API key a
/// valid combination, and what may the partner do. Answers are results, never exceptions, with the IDA error
/// code MOSIP gives for each refusal (IDA-MPA-007 unknown licence, -008 expired, -017 blocked, -009 partner not
/// registered, -010 MISP and partner not mapped, -012 deactivated, -014 no policy, -019 policy not active).
/// A wrong API key answers as "partner not registered" so a caller cannot probe which partner ids exist.
/// </summary>
public interface IPartnerDirectory
{
    /// <summary>The current route shape: <c>/{MISP-LK}/{Partner-ID}/{API-Key}</c>.</summary>
    Task<PartnerCheck> AuthorizeAsync(string mispLicenseKey, string partnerId, string apiKey, CancellationToken cancellationToken = default);

    /// <summary>The seed's v1.0 shape: <c>tspID</c> (the partner id) and <c>licenseKey</c> (its MISP's licence key), no API key.</summary>
    Task<PartnerCheck> AuthorizeTspAsync(string tspId, string mispLicenseKey, CancellationToken cancellationToken = default);

    /// <summary>A registered, active partner by id, for the internal routes (the caller is already a trusted service).</summary>
    Task<PartnerContext?> FindAsync(string partnerId, CancellationToken cancellationToken = default);
}

/// <summary>Either the partner or the IDA error that refused it.</summary>
public sealed record PartnerCheck(PartnerContext? Partner, string? ErrorCode, string? ErrorMessage)
{
    public bool IsAuthorized => Partner is not null;

    public static PartnerCheck Allowed(PartnerContext partner) => new(partner, null, null);

    public static PartnerCheck Refused(string errorCode, string errorMessage) => new(null, errorCode, errorMessage);
}

public enum PartnerKind
{
    /// <summary>May authenticate residents (<c>/auth</c>, <c>/otp</c>).</summary>
    Authentication,

    /// <summary>May also receive eKYC data (<c>/kyc</c>).</summary>
    Ekyc,
}

/// <summary>
/// A partner as ID authentication needs it. <paramref name="CertificatePem"/> is the partner's own certificate
/// (it verifies the partner's <c>signature</c> header and eKYC data is encrypted to it).
/// </summary>
public sealed record PartnerContext(
    string PartnerId,
    string Name,
    PartnerKind Kind,
    string MispId,
    string CertificatePem,
    PartnerPolicy Policy);

/// <summary>How the <c>authToken</c> given to this partner is formed (REFERENCE section 7).</summary>
public enum AuthTokenType
{
    /// <summary>Static token over the individual and the partner id (the default).</summary>
    Partner,

    /// <summary>Static token over the individual and the policy id.</summary>
    Policy,

    /// <summary>A fresh random 36-digit number per transaction.</summary>
    Random,
}

/// <summary>
/// What a partner may do. Auth types are the registry's lock names: <c>otp</c>, <c>pin</c>, <c>demo</c>,
/// <c>bio-Finger</c>, <c>bio-Iris</c>, <c>bio-Face</c>; <c>otp-request</c> allows asking for an OTP.
/// Mandatory auth types must be present in every request. eKYC attributes are the names a resident's identity
/// is handed out under (<c>fullName</c>, <c>dateOfBirth</c>, <c>gender</c>, <c>phone</c>, <c>email</c>,
/// <c>addressLine1..3</c>, <c>city</c>, <c>region</c>, <c>postalCode</c>, <c>photo</c>).
/// </summary>
public sealed record PartnerPolicy(
    string PolicyId,
    IReadOnlySet<string> AllowedAuthTypes,
    IReadOnlySet<string> MandatoryAuthTypes,
    IReadOnlySet<string> AllowedKycAttributes,
    AuthTokenType AuthTokenType);
