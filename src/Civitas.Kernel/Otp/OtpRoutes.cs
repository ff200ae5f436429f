using System.Text.Json.Serialization;
using Civitas.Common.Envelope;
using Civitas.Common.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Logging;

namespace Civitas.Kernel.Otp;

/// <summary><c>/v1/otpmanager</c>: generate, and validate on both the seed's and the current path.</summary>
internal static class OtpRoutes
{
    private const string ValidateResponseId = "mosip.kernel.otp.validate";

    public static void MapOtpManager(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/v1/otpmanager").WithMosipEnvelope(OtpErrors.Prefix).RequireCivitasScope(CivitasScopes.Kernel).WithTags("OTP manager");
        group.MapPost("/otp/generate", GenerateAsync);
        group.MapGet("/otp/validate", ValidateAsync);
        group.MapGet("/validate", ValidateAsync);
    }

    internal static async Task<Ok<MosipResponse<OtpGenerateResponse>>> GenerateAsync(
        MosipBody<OtpGenerateRequest> body, IOtpService otps, ILoggerFactory logs, TimeProvider clock, CancellationToken cancellationToken)
    {
        var key = body.Request.Key;
        if (!OtpService.IsValidKey(key))
        {
            return Mosip.Fail<OtpGenerateResponse>(body, OtpErrors.IllegalGenerateKey);
        }

        try
        {
            var generation = await otps.GenerateAsync(key!, cancellationToken);
            // MOSIP hands the OTP back to the (trusted, scoped) caller, which sends it; it is never logged.
            return generation.Status == OtpGenerationStatus.Generated
                ? Mosip.Ok(body, new OtpGenerateResponse(generation.Otp, "GENERATION_SUCCESSFUL"), clock)
                : Mosip.Ok(body, new OtpGenerateResponse(null, "USER_BLOCKED"), clock);
        }
        catch (Exception ex) when (KeyFailure(ex, logs) is { } error)
        {
            return Mosip.Fail<OtpGenerateResponse>(body, error);
        }
    }

    internal static async Task<Ok<MosipResponse<OtpValidateResponse>>> ValidateAsync(
        string? key, string? otp, IOtpService otps, ILoggerFactory logs, TimeProvider clock, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(key))
        {
            return Mosip.Fail<OtpValidateResponse>(ValidateResponseId, OtpErrors.KeyMissing);
        }

        if (!OtpService.IsValidKey(key))
        {
            return Mosip.Fail<OtpValidateResponse>(ValidateResponseId, OtpErrors.IllegalValidateKey);
        }

        if (string.IsNullOrEmpty(otp))
        {
            return Mosip.Fail<OtpValidateResponse>(ValidateResponseId, OtpErrors.OtpMissing);
        }

        if (!otp.All(char.IsAsciiDigit))
        {
            return Mosip.Fail<OtpValidateResponse>(ValidateResponseId, OtpErrors.OtpNotNumeric);
        }

        OtpValidationResult result;
        try
        {
            result = await otps.ValidateAsync(key, otp, cancellationToken);
        }
        catch (Exception ex) when (KeyFailure(ex, logs) is { } error)
        {
            return Mosip.Fail<OtpValidateResponse>(ValidateResponseId, error);
        }

        return result switch
        {
            OtpValidationResult.NotFound => Mosip.Fail<OtpValidateResponse>(ValidateResponseId, OtpErrors.KeyNotFound),
            OtpValidationResult.Valid => Mosip.Ok(ValidateResponseId, OtpValidateResponse.Success, clock),
            OtpValidationResult.Expired => Mosip.Ok(ValidateResponseId, OtpValidateResponse.Expired, clock),
            OtpValidationResult.Blocked => Mosip.Ok(ValidateResponseId, OtpValidateResponse.Blocked, clock),
            _ => Mosip.Ok(ValidateResponseId, OtpValidateResponse.Unsuccessful, clock),
        };
    }

    /// <summary>Maps a failure to obtain the HMAC key to MOSIP's codes; anything else stays a 500.</summary>
    private static Civitas.Common.Errors.ServiceError? KeyFailure(Exception ex, ILoggerFactory logs)
    {
        var error = ex switch
        {
            OtpKeyException => OtpErrors.InvalidKeyOrAlgorithm,
            IOException or UnauthorizedAccessException => OtpErrors.IoFailure,
            System.Security.Cryptography.CryptographicException => OtpErrors.CryptoFailure,
            _ => null,
        };
        if (error is not null)
        {
            // The exception names the cause (configuration, file); it carries no OTP or key.
            logs.CreateLogger(typeof(OtpRoutes)).LogError(ex, "OTP HMAC key unavailable ({Code})", error.ErrorCode);
        }

        return error;
    }
}

internal sealed record OtpGenerateRequest([property: JsonPropertyName("key")] string? Key);

internal sealed record OtpGenerateResponse(
    [property: JsonPropertyName("otp"), JsonIgnore(Condition = JsonIgnoreCondition.Never)] string? Otp,
    [property: JsonPropertyName("status")] string Status);

internal sealed record OtpValidateResponse(
    [property: JsonPropertyName("status")] string Status,
    [property: JsonPropertyName("message")] string Message)
{
    public static readonly OtpValidateResponse Success = new("success", "VALIDATION_SUCCESSFUL");
    public static readonly OtpValidateResponse Unsuccessful = new("failure", "VALIDATION_UNSUCCESSFUL");
    public static readonly OtpValidateResponse Expired = new("failure", "OTP_EXPIRED");
    public static readonly OtpValidateResponse Blocked = new("failure", "USER_BLOCKED");
}
