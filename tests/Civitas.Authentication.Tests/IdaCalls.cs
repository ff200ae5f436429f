using System.Buffers.Text;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Civitas.Authentication.Client;

namespace Civitas.Authentication.Tests;

/// <summary>
/// Builds requests as a partner would (the client SDK's sealing and signing, so tests can tamper with the bytes in
/// between), sends them over HTTP, and checks the <c>response-signature</c> with .NET's RSA and the x5c certificate only.
/// </summary>
internal static class IdaCalls
{
    public static string NewTransactionId() => IdaRequestBuilder.NewTransactionId();

    public static byte[] AuthBody(TestPartner partner, IdaAuthRequest request, string? transactionId = null, DateTimeOffset? requestTime = null, IReadOnlyList<string>? kycAttributes = null) =>
        IdaRequestBuilder.AuthBody(request, transactionId ?? NewTransactionId(), requestTime ?? DateTimeOffset.UtcNow, partner.IdaCertificate, "https://partner.example.org", kycAttributes);

    public static byte[] OtpBody(string uin, string transactionId, params string[] channels) =>
        IdaRequestBuilder.OtpBody(uin, "UIN", channels.Length == 0 ? ["PHONE"] : channels, transactionId, DateTimeOffset.UtcNow);

    public static string Sign(TestPartner partner, byte[] body) => IdaRequestCrypto.SignDetached(body, partner.Certificate);

    /// <summary>Signs with the partner's certificate and sends to the partner route of <paramref name="operation"/>.</summary>
    public static Task<IdaAnswer> SendAsync(HttpClient client, TestPartner partner, string operation, byte[] body) =>
        SendRawAsync(client, partner.Route(operation), body, Sign(partner, body));

    public static Task<IdaAnswer> AuthAsync(HttpClient client, TestPartner partner, IdaAuthRequest request, string? transactionId = null) =>
        SendAsync(client, partner, "auth", AuthBody(partner, request, transactionId));

    public static async Task<IdaAnswer> SendRawAsync(HttpClient client, string route, byte[] body, string? signature)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, route) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (signature is not null)
        {
            message.Headers.TryAddWithoutValidation("signature", signature);
        }
        using var response = await client.SendAsync(message);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var header = response.Headers.TryGetValues("response-signature", out var values) ? values.Single() : null;
        JsonElement json;
        try
        {
            json = JsonDocument.Parse(bytes).RootElement.Clone();
        }
        catch (JsonException)
        {
            throw new Xunit.Sdk.XunitException($"{route}: {(int)response.StatusCode} not JSON: {Encoding.UTF8.GetString(bytes)}");
        }
        return new IdaAnswer((int)response.StatusCode, json, header, bytes);
    }

    public static IdaAuthRequest Demo(string uin, string name, string language = "eng") => new()
    {
        IndividualId = uin,
        Demographics = new JsonObject { ["name"] = new JsonArray(new JsonObject { ["language"] = language, ["value"] = name }) },
    };

    public static JsonArray Finger(byte[] template, string subType = "Left IndexFinger") =>
        new(new JsonObject { ["data"] = new JsonObject { ["bioType"] = "Finger", ["bioSubType"] = subType, ["bioValue"] = Convert.ToBase64String(template), ["timestamp"] = IdaRequestBuilder.FormatTime(DateTimeOffset.UtcNow) } });
}

/// <summary>An answer: status, body, and the detached JWS of the <c>response-signature</c> header.</summary>
internal sealed record IdaAnswer(int Status, JsonElement Json, string? ResponseSignature, byte[] Bytes)
{
    public string? ErrorCode => Json.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0
        ? errors[0].GetProperty("errorCode").GetString() : null;

    public string? ErrorMessage => Json.TryGetProperty("errors", out var errors) && errors.ValueKind == JsonValueKind.Array && errors.GetArrayLength() > 0
        ? errors[0].GetProperty("errorMessage").GetString() : null;

    public bool AuthStatus => Json.GetProperty("response").GetProperty("authStatus").GetBoolean();

    public string? AuthToken => Json.GetProperty("response").GetProperty("authToken").GetString();

    /// <summary>
    /// The detached RS256 JWS verifies over exactly these bytes with the x5c leaf, which is <paramref name="expected"/>
    /// and whose SHA-256 is <c>x5t#S256</c>. Independent of Civitas code: .NET's RSA and base64url only.
    /// </summary>
    public bool SignatureVerifies(X509Certificate2 expected)
    {
        if (ResponseSignature is null)
        {
            return false;
        }
        var parts = ResponseSignature.Split('.');
        if (parts.Length != 3 || parts[1].Length != 0)
        {
            return false;
        }
        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
        if (header.RootElement.GetProperty("alg").GetString() != "RS256")
        {
            return false;
        }
        var der = Convert.FromBase64String(header.RootElement.GetProperty("x5c")[0].GetString()!);
        if (!der.AsSpan().SequenceEqual(expected.RawData)
            || header.RootElement.GetProperty("x5t#S256").GetString() != Base64Url.EncodeToString(SHA256.HashData(der)))
        {
            return false;
        }
        using var certificate = X509CertificateLoader.LoadCertificate(der);
        using var rsa = certificate.GetRSAPublicKey()!;
        var signingInput = Encoding.ASCII.GetBytes(parts[0] + "." + Base64Url.EncodeToString(Bytes));
        return rsa.VerifyData(signingInput, Base64Url.DecodeFromChars(parts[2]), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
    }
}
