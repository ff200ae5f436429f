using Civitas.Authentication.Errors;
using Civitas.Authentication.Persistence;

namespace Civitas.Authentication.Api;

/// <summary>What is known of one attempt as it is processed, for its transaction row and audit event (never factor values).</summary>
internal sealed class Attempt(Caller caller, IdaOperation operation, DateTime receivedUtc)
{
    public Caller Caller { get; } = caller;

    public IdaOperation Operation { get; } = operation;

    public DateTime ReceivedUtc { get; } = receivedUtc;

    public string? TransactionId { get; set; }

    public string IndividualIdType { get; set; } = "";

    public byte[] IndividualHash { get; set; } = [];

    public IReadOnlyList<string> AuthTypes { get; set; } = [];

    public string? AuthToken { get; set; }

    public string RequestType => Operation.Name() + (Caller.Channel == "partner" ? "" : "-" + Caller.Channel);

    /// <summary>
    /// What a transaction id is unique within: auth and kyc share one scope, so a captured /auth body cannot be replayed
    /// to /kyc; OTP requests keep their own, as the authentication using an OTP reuses the OTP request's transaction id.
    /// </summary>
    public string ReplayScope => (Operation == IdaOperation.Otp ? "otp" : "auth") + (Caller.Channel == "partner" ? "" : "-" + Caller.Channel);

    public AuthTransactionRow ToRow(IdaError? error, DateTime responseUtc) => new()
    {
        Id = Guid.CreateVersion7(),
        IndividualHash = IndividualHash,
        IndividualIdType = IndividualIdType,
        AuthToken = error is null ? AuthToken : null,
        PartnerId = Caller.Partner.PartnerId,
        TransactionId = TransactionId is { Length: <= 64 } id ? id : "",
        RequestType = RequestType,
        AuthTypes = string.Join(',', AuthTypes),
        Succeeded = error is null,
        ErrorCode = error?.ErrorCode,
        RequestTimeUtc = ReceivedUtc,
        ResponseTimeUtc = responseUtc,
    };
}
