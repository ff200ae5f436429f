using System.Text.Json.Nodes;

namespace Civitas.Authentication.Client;

/// <summary>
/// One authentication (or eKYC) request. The factors present select the auth types: <see cref="Otp"/>,
/// <see cref="StaticPin"/>, <see cref="Demographics"/> (MOSIP shape: <c>name: [{language, value}]</c>, <c>dob</c>
/// as <c>yyyy/MM/dd</c>, <c>gender</c>, <c>phoneNumber</c>, <c>emailId</c>, ...) and <see cref="Biometrics"/>
/// (the MOSIP <c>biometrics[]</c> array). They travel only inside the encrypted <c>request</c>.
/// </summary>
public sealed record IdaAuthRequest
{
    public required string IndividualId { get; init; }

    /// <summary><c>UIN</c> or <c>VID</c>.</summary>
    public string IndividualIdType { get; init; } = "UIN";

    /// <summary>10 digits; a random one is generated when null. An OTP must be verified with the transaction id it was requested under.</summary>
    public string? TransactionId { get; init; }

    /// <summary>Overrides the client's clock for <c>requestTime</c> and the inner <c>timestamp</c> (tests of the time window).</summary>
    public DateTimeOffset? RequestTime { get; init; }

    public string? Otp { get; init; }

    public string? StaticPin { get; init; }

    public JsonObject? Demographics { get; init; }

    public JsonArray? Biometrics { get; init; }

    /// <summary>The <c>consentObtained</c> flag: the resident agreed to this authentication.</summary>
    public bool ConsentObtained { get; init; } = true;

    /// <summary>Names the factors present but never their values, so a logged request does not leak an OTP, PIN or biometrics.</summary>
    private bool PrintMembers(System.Text.StringBuilder builder)
    {
        builder.Append($"IndividualIdType = {IndividualIdType}, TransactionId = {TransactionId}, ");
        builder.Append($"Otp = {(Otp is null ? "none" : "***")}, StaticPin = {(StaticPin is null ? "none" : "***")}, ");
        builder.Append($"Demographics = {(Demographics is null ? "none" : "***")}, Biometrics = {(Biometrics is null ? "none" : "***")}");
        return true;
    }
}
