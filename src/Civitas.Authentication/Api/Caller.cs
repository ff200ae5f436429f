using Civitas.Authentication.Requests;
using Civitas.Partners;

namespace Civitas.Authentication.Api;

/// <summary>Who sent a request once it is accepted as theirs: a partner (path credentials and signature) or an internal service (bearer token).</summary>
internal sealed record Caller(PartnerContext Partner, PartnerCertificate? Certificate, string KeyReference, string Channel)
{
    /// <summary>Internal callers may use every factor; their auth token is the static token over their client id.</summary>
    public static Caller Internal(string clientId)
    {
        var everything = new HashSet<string>(StringComparer.Ordinal) { "demo", "otp", "pin", "bio", "otp-request" };
        var policy = new PartnerPolicy("INTERNAL", everything, new HashSet<string>(), new HashSet<string>(), AuthTokenType.Partner);
        return new Caller(new PartnerContext("internal:" + clientId, "Internal service " + clientId, PartnerKind.Authentication, "", "", policy), null, IdaKeys.InternalReference, "internal");
    }
}

/// <summary>The three operations of ID authentication.</summary>
internal enum IdaOperation
{
    Auth,
    Kyc,
    Otp,
}

internal static class IdaOperations
{
    public static string ResponseId(this IdaOperation operation) => operation switch
    {
        IdaOperation.Kyc => "mosip.identity.kyc",
        IdaOperation.Otp => "mosip.identity.otp",
        _ => "mosip.identity.auth",
    };

    public static string Name(this IdaOperation operation) => operation switch
    {
        IdaOperation.Kyc => "kyc",
        IdaOperation.Otp => "otp",
        _ => "auth",
    };
}
