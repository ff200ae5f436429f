using System.Text.Json;
using Civitas.Authentication.Errors;

namespace Civitas.Authentication.Requests;

/// <summary>
/// The outer body of an IDA request (REFERENCE §7): who is authenticated, the transaction, and for auth/kyc the
/// encrypted <c>request</c> with its session key and HMAC; for OTP the channels.
/// </summary>
internal sealed record IdaRequest(
    string Id,
    string IndividualId,
    string IndividualIdType,
    string TransactionId,
    string RequestTime,
    string? Thumbprint,
    string? RequestSessionKey,
    string? RequestHmac,
    string? Request,
    IReadOnlyList<string>? AllowedKycAttributes,
    IReadOnlyList<string>? OtpChannels)
{
    /// <summary>
    /// Parses the body. <paramref name="transactionId"/> is set as soon as it is readable, so even a refusal
    /// names the transaction. Wrong JSON, wrong types and missing fields give IDA-MLC-006/-009 naming the field.
    /// </summary>
    public static IdaRequest? Parse(ReadOnlySpan<byte> body, bool encrypted, bool otp, out string? transactionId, out IdaError? error)
    {
        transactionId = null;
        error = null;
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 32 });
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException)
        {
            error = IdaErrors.InvalidInput.With("body (malformed JSON)");
            return null;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = IdaErrors.InvalidInput.With("body");
                return null;
            }
            if (root.TryGetProperty("transactionID", out var txn) && JsonFields.TryGetString(txn, out var readable) && readable.Length <= 64)
            {
                transactionId = readable;
            }

            var id = JsonFields.RequiredString(root, "id", "id", ref error);
            var version = JsonFields.RequiredString(root, "version", "version", ref error);
            var individualId = JsonFields.RequiredString(root, "individualId", "individualId", ref error);
            var individualIdType = JsonFields.RequiredString(root, "individualIdType", "individualIdType", ref error);
            var transaction = JsonFields.RequiredString(root, "transactionID", "transactionID", ref error);
            var requestTime = JsonFields.RequiredString(root, "requestTime", "requestTime", ref error);
            string? thumbprint = null, sessionKey = null, hmac = null, request = null;
            IReadOnlyList<string>? kycAttributes = null, channels = null;
            if (encrypted)
            {
                thumbprint = JsonFields.RequiredString(root, "thumbprint", "thumbprint", ref error);
                sessionKey = JsonFields.RequiredString(root, "requestSessionKey", "requestSessionKey", ref error);
                hmac = JsonFields.RequiredString(root, "requestHMAC", "requestHMAC", ref error);
                request = JsonFields.RequiredString(root, "request", "request", ref error);
                kycAttributes = JsonFields.OptionalStringArray(root, "allowedKycAttributes", "allowedKycAttributes", ref error);
            }
            if (otp)
            {
                channels = JsonFields.OptionalStringArray(root, "otpChannel", "otpChannel", ref error);
            }
            var consent = JsonFields.OptionalBoolean(root, "consentObtained", "consentObtained", ref error);
            _ = JsonFields.OptionalString(root, "specVersion", "specVersion", ref error);
            if (error is not null)
            {
                return null;
            }
            if (version != "1.0")
            {
                error = IdaErrors.InvalidInput.With("version");
                return null;
            }
            if (individualIdType is not ("UIN" or "VID"))
            {
                error = IdaErrors.InvalidInput.With("individualIdType");
                return null;
            }
            if (transaction!.Length > 64)
            {
                error = IdaErrors.InvalidInput.With("transactionID");
                return null;
            }
            if (individualId!.Length > 64)
            {
                error = IdaErrors.InvalidInput.With("individualId");
                return null;
            }
            if (encrypted && consent != true)
            {
                // Authentication and eKYC need the resident's consent (MOSIP: IDA-MLC-012); absent counts as not given.
                error = IdaErrors.ConsentNotAvailable;
                return null;
            }
            return new IdaRequest(id!, individualId, individualIdType, transaction, requestTime!, thumbprint, sessionKey, hmac, request, kycAttributes, channels);
        }
    }
}
