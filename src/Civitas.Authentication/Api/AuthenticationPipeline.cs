using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using Civitas.Authentication.Errors;
using Civitas.Authentication.Factors;
using Civitas.Authentication.Kyc;
using Civitas.Authentication.Otp;
using Civitas.Authentication.Persistence;
using Civitas.Authentication.Requests;
using Civitas.Authentication.Transactions;
using Civitas.Common.Envelope;
using Civitas.Kernel.Ids;
using Civitas.Partners;
using Civitas.Registry;
using Civitas.Registry.Records;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Civitas.Authentication.Api;

/// <summary>
/// One authentication, kyc or OTP request from bytes to signed answer, in the order REFERENCE §7 and the issue give:
/// caller (partner credentials, then signature), body fields, request-time window, replay, decryption and HMAC,
/// policy, identity, status and locks, factors, token, eKYC. Every attempt by a known caller leaves a transaction
/// row and an audit event; a caller refused earlier never reaches the registry, so it learns nothing of identities.
/// </summary>
internal sealed partial class AuthenticationPipeline(
    RequestDecryptor decryptor,
    IIdentityRegistry registry,
    KeyedHashes hashes,
    OtpSender otpSender,
    OtpTransactions otps,
    FailureCounter failures,
    DemographicFactor demographics,
    BiometricFactor biometrics,
    IStaticTokenGenerator tokens,
    AuthTransactionStore store,
    AuthAudit audit,
    IOptions<AuthenticationOptions> options,
    TimeProvider clock,
    ILogger<AuthenticationPipeline> logger)
{
    /// <summary>A request whose caller is already established (partner checked, or internal bearer token).</summary>
    public async Task<IResult> ProcessAsync(HttpContext http, Caller caller, IdaOperation operation, byte[] body, DateTime receivedUtc)
    {
        var attempt = new Attempt(caller, operation, receivedUtc);
        try
        {
            var (error, response) = await RunAsync(http, attempt, body);
            return await FinishAsync(http, attempt, error, response);
        }
        catch (OperationCanceledException) when (http.RequestAborted.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            LogUnexpected(logger, http.TraceIdentifier, ex);
            try
            {
                return await FinishAsync(http, attempt, IdaErrors.Unexpected, null);
            }
            catch (Exception recordFailure) when (recordFailure is not OperationCanceledException)
            {
                LogUnexpected(logger, http.TraceIdentifier, recordFailure);
            }
            return IdaResponse.Fail(operation.ResponseId(), attempt.TransactionId, IdaErrors.Unexpected, StatusCodes.Status500InternalServerError);
        }
    }

    /// <summary>Records a refusal of a known caller before the body was looked at (signature, eKYC rights).</summary>
    public async Task<IResult> RefuseAsync(HttpContext http, Caller caller, IdaOperation operation, IdaError error, DateTime receivedUtc, byte[] body)
    {
        var attempt = new Attempt(caller, operation, receivedUtc) { TransactionId = PeekTransactionId(body) };
        return await FinishAsync(http, attempt, error, null);
    }

    private async Task<(IdaError? Error, Action<Utf8JsonWriter>? Response)> RunAsync(HttpContext http, Attempt attempt, byte[] body)
    {
        var operation = attempt.Operation;
        var request = IdaRequest.Parse(body, encrypted: operation != IdaOperation.Otp, otp: operation == IdaOperation.Otp, out var transactionId, out var parseError);
        attempt.TransactionId = transactionId;
        if (request is null)
        {
            return (parseError, null);
        }
        attempt.IndividualIdType = request.IndividualIdType;
        attempt.AuthTypes = operation == IdaOperation.Otp ? [AuthTypeNames.OtpRequest] : [];
        if (!string.Equals(request.Id, operation.ResponseId(), StringComparison.Ordinal))
        {
            // The signed body names its operation; a body signed for one route is not accepted on another.
            return (IdaErrors.InvalidInput.With("id"), null);
        }

        var freshness = await CheckFreshAsync(http, attempt, request.RequestTime, request.TransactionId);
        if (freshness is not null)
        {
            return (freshness, null);
        }
        return operation == IdaOperation.Otp
            ? await OtpRequestAsync(http, attempt, request)
            : await AuthenticateAsync(http, attempt, request);
    }

    /// <summary>The request time must be inside the window (IDA-MLC-001) and the transaction id new for this caller and route (IDA-MLC-016).</summary>
    internal async Task<IdaError?> CheckFreshAsync(HttpContext http, Attempt attempt, string requestTimeText, string transactionId)
    {
        if (!MosipTime.TryParse(requestTimeText, out var requestTime))
        {
            return IdaErrors.InvalidInput.With("requestTime");
        }
        if ((clock.GetUtcNow() - requestTime).Duration() > options.Value.RequestTimeTolerance)
        {
            return IdaErrors.RequestTimeOutOfWindow.With(options.Value.RequestTimeWindowSeconds.ToString(CultureInfo.InvariantCulture));
        }
        var replayKey = AuthTransactionStore.ReplayKey(attempt.Caller.Partner.PartnerId, attempt.ReplayScope, transactionId);
        return await store.ClaimAsync(replayKey) ? null : IdaErrors.TransactionReplayed;
    }

    private async Task<(IdaError?, Action<Utf8JsonWriter>?)> AuthenticateAsync(HttpContext http, Attempt attempt, IdaRequest request)
    {
        var plaintext = decryptor.Decrypt(request, attempt.Caller.KeyReference, out var decryptError);
        if (plaintext is null)
        {
            return (decryptError, null);
        }
        AuthFactors? factors;
        try
        {
            factors = AuthFactors.Parse(plaintext, out var factorError);
            if (factors is null)
            {
                return (factorError, null);
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
        return await AuthenticateParsedAsync(http, attempt, request, factors);
    }

    /// <summary>Policy, identity, locks, factors, token and (for kyc) the sealed identity, once the factors are read.</summary>
    internal async Task<(IdaError?, Action<Utf8JsonWriter>?)> AuthenticateParsedAsync(HttpContext http, Attempt attempt, IdaRequest request, AuthFactors factors)
    {
        var authTypes = factors.AuthTypes();
        attempt.AuthTypes = authTypes;
        if (authTypes.Count == 0)
        {
            return (IdaErrors.NoAuthType, null);
        }
        var policy = attempt.Caller.Partner.Policy;
        foreach (var authType in authTypes)
        {
            if (!AuthTypeNames.IsAllowed(policy.AllowedAuthTypes, authType))
            {
                return (IdaErrors.AuthTypeNotAllowed.With(authType), null);
            }
        }
        foreach (var mandatory in policy.MandatoryAuthTypes)
        {
            if (!authTypes.Any(present => present == mandatory || (mandatory == AuthTypeNames.BioPrefix && present.StartsWith(AuthTypeNames.BioPrefix + "-", StringComparison.Ordinal))))
            {
                return (IdaErrors.AuthTypeMandatory.With(mandatory), null);
            }
        }

        var (identity, identityError) = await FindIdentityAsync(http, attempt, request);
        if (identity is null)
        {
            return (identityError, null);
        }
        foreach (var authType in authTypes)
        {
            if (AuthTypeNames.IsLocked(identity.LockedAuthTypes, authType))
            {
                return (IdaErrors.AuthTypeLocked.With(authType), null);
            }
        }

        var factorFailure = await VerifyFactorsAsync(http, attempt, identity, factors);
        if (factorFailure is not null)
        {
            return (factorFailure, null);
        }

        var authToken = AuthToken(identity.Uin, attempt.Caller.Partner);
        attempt.AuthToken = authToken;
        if (attempt.Operation != IdaOperation.Kyc)
        {
            return (null, writer =>
            {
                writer.WriteStartObject();
                writer.WriteBoolean("authStatus", true);
                writer.WriteString("authToken", authToken);
                writer.WriteEndObject();
            });
        }

        var certificate = attempt.Caller.Certificate;
        if (certificate is null)
        {
            return (IdaErrors.KycEncryptionFailed, null);
        }
        if (!certificate.IsValidAt(clock.GetUtcNow().UtcDateTime))
        {
            // Never wrap a resident's data to a certificate that has expired, even one that signed this request.
            return (IdaErrors.CertificateInvalid, null);
        }
        var attributes = KycIdentity.Allowed(policy.AllowedKycAttributes, request.AllowedKycAttributes);
        var json = KycIdentity.Json(identity.Data, attributes);
        (string Identity, string SessionKey, string Thumbprint) sealedKyc;
        try
        {
            sealedKyc = KycIdentity.Seal(json, certificate);
        }
        catch (CryptographicException)
        {
            return (IdaErrors.KycEncryptionFailed, null);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(json);
        }
        return (null, writer =>
        {
            writer.WriteStartObject();
            writer.WriteBoolean("kycStatus", true);
            writer.WriteString("authToken", authToken);
            writer.WriteString("thumbprint", sealedKyc.Thumbprint);
            writer.WriteString("identity", sealedKyc.Identity);
            writer.WriteString("sessionKey", sealedKyc.SessionKey);
            writer.WriteEndObject();
        });
    }

    /// <summary>
    /// The static PIN, with the same atomic attempt count as OTPs (<see cref="FailureCounter"/>, own key): wrong PINs
    /// are IDA-SPA-001 and the limit-th freezes PIN authentication for the freeze time (IDA-MLC-019 "pin" until then).
    /// </summary>
    private async Task<IdaError?> VerifyPinAsync(HttpContext http, IdentityRecord identity, string pin)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var key = await hashes.PinFailuresAsync(identity.Uin, http.RequestAborted);
        var locked = IdaErrors.AuthTypeLocked.With(AuthTypeNames.Pin);
        if (await failures.IsFrozenAsync(key, now))
        {
            return locked;
        }
        var limit = options.Value.OtpFailureLimit;
        var until = now.AddSeconds(options.Value.OtpFreezeSeconds);
        var count = await failures.ReserveAsync(key, now);
        if (count > limit)
        {
            await failures.FreezeAsync(key, now, until, http.RequestAborted);
            return locked;
        }
        if (await registry.VerifyStaticPinAsync(identity.Id, pin, http.RequestAborted))
        {
            await failures.ResetAsync(key, now);
            return null;
        }
        if (count >= limit)
        {
            await failures.FreezeAsync(key, now, until, http.RequestAborted);
        }
        return IdaErrors.PinMismatch;
    }

    /// <summary>Every factor present must pass; all are checked (an OTP is consumed even when another factor fails).</summary>
    private async Task<IdaError?> VerifyFactorsAsync(HttpContext http, Attempt attempt, IdentityRecord identity, AuthFactors factors)
    {
        IdaError? first = null;
        if (factors.Demographics is { } demo)
        {
            first ??= demographics.Verify(demo, identity.Data);
        }
        if (factors.Biometrics.Count > 0)
        {
            first ??= biometrics.Verify(factors.Biometrics, identity.Data);
        }
        if (factors.StaticPin is { } pin)
        {
            first ??= await VerifyPinAsync(http, identity, pin);
        }
        if (factors.Otp is { } otp)
        {
            var otpError = await otps.ValidateAsync(identity.Uin, attempt.IndividualHash, attempt.Caller.Partner.PartnerId, attempt.TransactionId!, otp, http.RequestAborted);
            first ??= otpError;
        }
        return first;
    }

    internal async Task<(IdaError?, Action<Utf8JsonWriter>?)> OtpRequestAsync(HttpContext http, Attempt attempt, IdaRequest request)
    {
        if (!AuthTypeNames.IsAllowed(attempt.Caller.Partner.Policy.AllowedAuthTypes, AuthTypeNames.OtpRequest))
        {
            return (IdaErrors.OtpRequestNotAllowed, null);
        }
        if (request.OtpChannels is not { Count: > 0 } channels)
        {
            return (IdaErrors.OtpChannelMissing, null);
        }
        var phone = false;
        var email = false;
        foreach (var channel in channels)
        {
            switch (channel.Trim().ToUpperInvariant())
            {
                case "PHONE" or "MOBILE": phone = true; break;
                case "EMAIL": email = true; break;
                default: return (IdaErrors.InvalidInput.With("otpChannel"), null);
            }
        }
        var (identity, identityError) = await FindIdentityAsync(http, attempt, request);
        if (identity is null)
        {
            return (identityError, null);
        }
        if (AuthTypeNames.IsLocked(identity.LockedAuthTypes, AuthTypeNames.Otp))
        {
            return (IdaErrors.AuthTypeLocked.With(AuthTypeNames.Otp), null);
        }
        var sendPhone = phone && !string.IsNullOrWhiteSpace(identity.Data.Phone);
        var sendEmail = email && !string.IsNullOrWhiteSpace(identity.Data.Email);
        if (!sendPhone && !sendEmail)
        {
            return (IdaErrors.ChannelNotRegistered.With(phone ? "Mobile Number" : "Email ID"), null);
        }
        var (otp, otpError) = await otps.GenerateAsync(identity.Uin, attempt.IndividualHash, attempt.Caller.Partner.PartnerId, request.TransactionId, http.RequestAborted);
        if (otp is null)
        {
            return (otpError, null);
        }
        var sent = await otpSender.SendAsync(identity.Data, otp, sendPhone, sendEmail, http.RequestAborted);
        if (!sent)
        {
            return (IdaErrors.OtpNotSent, null);
        }
        var maskedMobile = sendPhone ? Masking.Phone(identity.Data.Phone!) : null;
        var maskedEmail = sendEmail ? Masking.Email(identity.Data.Email!) : null;
        return (null, writer =>
        {
            writer.WriteStartObject();
            writer.WriteString("maskedMobile", maskedMobile);
            writer.WriteString("maskedEmail", maskedEmail);
            writer.WriteEndObject();
        });
    }

    /// <summary>The resident by UIN or VID, active. The individual hash is set for the transaction row either way.</summary>
    private async Task<(IdentityRecord?, IdaError?)> FindIdentityAsync(HttpContext http, Attempt attempt, IdaRequest request)
    {
        var type = request.IndividualIdType == "VID" ? IndividualIdType.Vid : IndividualIdType.Uin;
        var identity = await registry.FindAsync(type, request.IndividualId.Trim(), http.RequestAborted);
        attempt.IndividualHash = await hashes.IndividualAsync(identity?.Uin ?? request.IndividualId.Trim(), http.RequestAborted);
        if (identity is null)
        {
            return (null, IdaErrors.IdentityNotFound);
        }
        return identity.Status switch
        {
            IdentityStatus.Active => (identity, null),
            IdentityStatus.Deactivated when type == IndividualIdType.Vid => (null, IdaErrors.VidOfDeactivatedUin),
            IdentityStatus.Deactivated => (null, IdaErrors.UinDeactivated),
            _ => (null, IdaErrors.IdentityBlocked),
        };
    }

    private string AuthToken(string uin, PartnerContext partner) => partner.Policy.AuthTokenType switch
    {
        AuthTokenType.Policy => tokens.Generate(uin, partner.Policy.PolicyId),
        AuthTokenType.Random => RandomDigits(36),
        _ => tokens.Generate(uin, partner.PartnerId),
    };

    private static string RandomDigits(int count)
    {
        Span<char> digits = stackalloc char[count];
        for (var i = 0; i < count; i++)
        {
            digits[i] = (char)('0' + RandomNumberGenerator.GetInt32(10));
        }
        return new string(digits);
    }

    /// <summary>Writes the transaction row and the audit event of an attempt that ended with <paramref name="error"/> (null: success).</summary>
    internal async Task RecordAsync(HttpContext http, Attempt attempt, IdaError? error)
    {
        var row = attempt.ToRow(error, clock.GetUtcNow().UtcDateTime);
        await store.RecordAsync(row);
        await audit.WriteAsync(row, attempt.Caller.Partner.Name, http.Connection.LocalIpAddress?.ToString() ?? "");
    }

    private async Task<IResult> FinishAsync(HttpContext http, Attempt attempt, IdaError? error, Action<Utf8JsonWriter>? response)
    {
        await RecordAsync(http, attempt, error);
        if (error is not null && attempt.Operation != IdaOperation.Otp)
        {
            var status = attempt.Operation == IdaOperation.Kyc ? "kycStatus" : "authStatus";
            response = writer =>
            {
                writer.WriteStartObject();
                writer.WriteBoolean(status, false);
                writer.WriteNull("authToken");
                writer.WriteEndObject();
            };
        }
        var statusCode = error == IdaErrors.Unexpected ? StatusCodes.Status500InternalServerError : StatusCodes.Status200OK;
        return new IdaResponse(attempt.Operation.ResponseId(), attempt.TransactionId, error is null ? null : [error], response, statusCode);
    }

    /// <summary>The transaction id of a body not yet validated, so even an early refusal names it; null when unreadable.</summary>
    internal static string? PeekTransactionId(byte[] body)
    {
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 32 });
            using var document = JsonDocument.ParseValue(ref reader);
            return document.RootElement.ValueKind == JsonValueKind.Object
                && document.RootElement.TryGetProperty("transactionID", out var id)
                && JsonFields.TryGetString(id, out var text) && text.Length <= 64 ? text : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "ID authentication failed unexpectedly (request {RequestId})")]
    internal static partial void LogUnexpected(ILogger logger, string requestId, Exception exception);
}
