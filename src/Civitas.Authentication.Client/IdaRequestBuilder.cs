using System.Globalization;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;

namespace Civitas.Authentication.Client;

/// <summary>Builds the JSON bodies of <c>/auth</c>, <c>/kyc</c> and <c>/otp</c> (REFERENCE section 7).</summary>
public static class IdaRequestBuilder
{
    public const string AuthId = "mosip.identity.auth";
    public const string KycId = "mosip.identity.kyc";
    public const string OtpId = "mosip.identity.otp";
    public const string Version = "1.0";
    public const string SpecVersion = "1.0";

    /// <summary>UTC <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>.</summary>
    public static string FormatTime(DateTimeOffset time) =>
        time.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    /// <summary>A random 10-digit transaction id.</summary>
    public static string NewTransactionId() =>
        string.Create(10, 0, static (digits, _) =>
        {
            for (var i = 0; i < digits.Length; i++)
            {
                digits[i] = (char)('0' + RandomNumberGenerator.GetInt32(10));
            }
        });

    /// <summary>The plaintext of <c>request</c>: <c>timestamp</c> and the factors present.</summary>
    public static byte[] InnerRequest(IdaAuthRequest request, string timestamp)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteString("timestamp", timestamp);
            if (request.Otp is not null)
            {
                json.WriteString("otp", request.Otp);
            }

            if (request.StaticPin is not null)
            {
                json.WriteString("staticPin", request.StaticPin);
            }

            if (request.Demographics is not null)
            {
                json.WritePropertyName("demographics");
                request.Demographics.WriteTo(json);
            }

            if (request.Biometrics is not null)
            {
                json.WritePropertyName("biometrics");
                request.Biometrics.WriteTo(json);
            }

            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>
    /// The outer body of an <c>/auth</c> (or, with <paramref name="allowedKycAttributes"/>, <c>/kyc</c>) request
    /// with the factors sealed to <paramref name="idaCertificate"/>.
    /// </summary>
    public static byte[] AuthBody(
        IdaAuthRequest request,
        string transactionId,
        DateTimeOffset requestTime,
        X509Certificate2 idaCertificate,
        string domainUri,
        IReadOnlyList<string>? allowedKycAttributes = null)
    {
        ArgumentNullException.ThrowIfNull(request);
        var time = FormatTime(requestTime);
        var inner = InnerRequest(request, time);
        SealedRequest sealedRequest;
        try
        {
            sealedRequest = IdaRequestCrypto.Seal(inner, idaCertificate);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(inner); // it holds the OTP, PIN or biometrics
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            WriteHeader(json, allowedKycAttributes is null ? AuthId : KycId, request.IndividualId, request.IndividualIdType, transactionId, time);
            json.WriteString("specVersion", SpecVersion);
            json.WriteString("thumbprint", sealedRequest.ThumbprintHex);
            json.WriteString("domainUri", domainUri);
            json.WriteString("env", "Production");
            json.WriteBoolean("consentObtained", request.ConsentObtained);
            json.WriteString("requestSessionKey", sealedRequest.RequestSessionKey);
            json.WriteString("requestHMAC", sealedRequest.RequestHmac);
            json.WriteString("request", sealedRequest.Request);
            if (allowedKycAttributes is not null)
            {
                json.WriteStartArray("allowedKycAttributes");
                foreach (var attribute in allowedKycAttributes)
                {
                    json.WriteStringValue(attribute);
                }

                json.WriteEndArray();
            }

            json.WriteStartObject("metadata");
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    /// <summary>The body of an <c>/otp</c> request: which individual, which channels (<c>PHONE</c>, <c>EMAIL</c>).</summary>
    public static byte[] OtpBody(string individualId, string individualIdType, IReadOnlyList<string> channels, string transactionId, DateTimeOffset requestTime)
    {
        ArgumentNullException.ThrowIfNull(channels);
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            WriteHeader(json, OtpId, individualId, individualIdType, transactionId, FormatTime(requestTime));
            json.WriteStartArray("otpChannel");
            foreach (var channel in channels)
            {
                json.WriteStringValue(channel);
            }

            json.WriteEndArray();
            json.WriteStartObject("metadata");
            json.WriteEndObject();
            json.WriteEndObject();
        }

        return buffer.ToArray();
    }

    private static void WriteHeader(Utf8JsonWriter json, string id, string individualId, string individualIdType, string transactionId, string time)
    {
        json.WriteString("id", id);
        json.WriteString("version", Version);
        json.WriteString("individualId", individualId);
        json.WriteString("individualIdType", individualIdType);
        json.WriteString("transactionID", transactionId);
        json.WriteString("requestTime", time);
    }
}
