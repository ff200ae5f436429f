using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;

namespace Civitas.Authentication.Client;

/// <summary>
/// What ID authentication answered. IDA refusals are <see cref="Errors"/> (MOSIP answers them with HTTP 200), never
/// exceptions. <see cref="ResponseSignatureValid"/> says the <c>response-signature</c> header verifies over
/// <see cref="RawBody"/> with the certificate in its <c>x5c</c> (<see cref="ResponseSigner"/>); pin or chain-check
/// that certificate if the deployment requires it.
/// </summary>
public sealed record IdaResult<T>(
    int HttpStatus,
    T? Response,
    IReadOnlyList<IdaError> Errors,
    bool ResponseSignatureValid,
    string RawBody)
    where T : class
{
    /// <summary>The transaction id the request was sent with.</summary>
    public string? TransactionId { get; init; }

    public X509Certificate2? ResponseSigner { get; init; }

    /// <summary>HTTP 200, no errors, a valid response signature and a response.</summary>
    public bool Succeeded => HttpStatus == 200 && Errors.Count == 0 && ResponseSignatureValid && Response is not null;
}

/// <summary>An <c>errors[]</c> entry. Codes are MOSIP's <c>IDA-*</c>, or <c>IDA-CLIENT-*</c> (<see cref="IdaClientErrors"/>) for what this client found wrong with an answer.</summary>
public sealed record IdaError(string ErrorCode, string ErrorMessage);

/// <summary><c>response</c> of <c>/auth</c>.</summary>
public sealed record IdaAuthResponse(bool AuthStatus, string? AuthToken);

/// <summary><c>response</c> of <c>/kyc</c>, with <c>identity</c> already decrypted (null when kycStatus is false).</summary>
public sealed record IdaKycResponse(bool KycStatus, string? AuthToken, JsonObject? Identity);

/// <summary><c>response</c> of <c>/otp</c>: where the OTP went, masked.</summary>
public sealed record IdaOtpResponse(string? MaskedMobile, string? MaskedEmail);

/// <summary>Problems the client itself found in an answer (not sent by the server).</summary>
public static class IdaClientErrors
{
    public static readonly IdaError UnreadableResponse = new("IDA-CLIENT-001", "The response is not an IDA JSON answer.");
    public static readonly IdaError KycNotDecryptable = new("IDA-CLIENT-002", "The eKYC identity could not be decrypted with the partner's key.");
    public static readonly IdaError KycWrongThumbprint = new("IDA-CLIENT-003", "The eKYC identity was encrypted to a different certificate.");
}
