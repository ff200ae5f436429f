using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Civitas.Authentication.Client;

/// <summary>
/// Calls <c>{baseUrl}/idauthentication/v1/{auth|kyc|otp}/{MISP-LK}/{Partner-ID}/{API-Key}</c> with encrypted,
/// HMAC'd and signed requests, verifies the <c>response-signature</c> and opens eKYC data. IDA refusals come back
/// as <see cref="IdaResult{T}.Errors"/>; only transport failures (no connection, cancellation) throw.
/// </summary>
public sealed class IdaClient(HttpClient http, IdaPartnerProfile profile, TimeProvider? clock = null)
{
    /// <summary>Answers larger than this are not read (an eKYC answer with a photo is well below it).</summary>
    public const int MaxResponseBytes = 8 * 1024 * 1024;

    private readonly HttpClient _http = http ?? throw new ArgumentNullException(nameof(http));
    private readonly IdaPartnerProfile _profile = profile ?? throw new ArgumentNullException(nameof(profile));
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;

    public async Task<IdaResult<IdaAuthResponse>> AuthenticateAsync(IdaAuthRequest request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var transactionId = request.TransactionId ?? IdaRequestBuilder.NewTransactionId();
        var body = IdaRequestBuilder.AuthBody(request, transactionId, request.RequestTime ?? _clock.GetUtcNow(), _profile.IdaCertificate, DomainUri);
        var answer = await SendRawAsync("auth", body, IdaRequestCrypto.SignDetached(body, _profile.PartnerCertificate), cancellationToken).ConfigureAwait(false);
        return Shape(answer, transactionId, response => new IdaAuthResponse(
            Bool(response, "authStatus"), Text(response, "authToken")));
    }

    /// <summary>Authenticates and asks for <paramref name="allowedKycAttributes"/>; the identity is decrypted into a JSON object.</summary>
    public async Task<IdaResult<IdaKycResponse>> KycAsync(IdaAuthRequest request, IReadOnlyList<string> allowedKycAttributes, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(allowedKycAttributes);
        var transactionId = request.TransactionId ?? IdaRequestBuilder.NewTransactionId();
        var body = IdaRequestBuilder.AuthBody(request, transactionId, request.RequestTime ?? _clock.GetUtcNow(), _profile.IdaCertificate, DomainUri, allowedKycAttributes);
        var answer = await SendRawAsync("kyc", body, IdaRequestCrypto.SignDetached(body, _profile.PartnerCertificate), cancellationToken).ConfigureAwait(false);
        var errors = new List<IdaError>();
        var result = Shape(answer, transactionId, response => OpenKyc(response, errors));
        return errors.Count == 0 ? result : result with { Errors = [.. result.Errors, .. errors] };
    }

    /// <summary>Asks IDA to send an OTP over <paramref name="channels"/> (<c>PHONE</c>, <c>EMAIL</c>); verify it later with the same transaction id.</summary>
    public async Task<IdaResult<IdaOtpResponse>> RequestOtpAsync(
        string individualId, string idType, IReadOnlyList<string> channels, string? transactionId, CancellationToken cancellationToken = default)
    {
        var id = transactionId ?? IdaRequestBuilder.NewTransactionId();
        var body = IdaRequestBuilder.OtpBody(individualId, idType, channels, id, _clock.GetUtcNow());
        var answer = await SendRawAsync("otp", body, IdaRequestCrypto.SignDetached(body, _profile.PartnerCertificate), cancellationToken).ConfigureAwait(false);
        return Shape(answer, id, response => new IdaOtpResponse(Text(response, "maskedMobile"), Text(response, "maskedEmail")));
    }

    /// <summary>
    /// Posts <paramref name="body"/> as is to <paramref name="route"/> (<c>auth</c>, <c>kyc</c> or <c>otp</c>) with
    /// <paramref name="signatureHeader"/> (none when null): for tests that tamper with a request.
    /// </summary>
    public async Task<IdaRawAnswer> SendRawAsync(string route, byte[] body, string? signatureHeader, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(body);
        if (route is not ("auth" or "kyc" or "otp"))
        {
            throw new ArgumentException("The route is auth, kyc or otp.", nameof(route));
        }

        using var message = new HttpRequestMessage(HttpMethod.Post, RouteUri(route)) { Content = new ByteArrayContent(body) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        if (signatureHeader is not null)
        {
            message.Headers.TryAddWithoutValidation("signature", signatureHeader);
        }

        using var response = await _http.SendAsync(message, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        var raw = await ReadLimitedAsync(response.Content, cancellationToken).ConfigureAwait(false);
        var signature = response.Headers.TryGetValues("response-signature", out var values) ? values.FirstOrDefault() : null;
        X509Certificate2? signer = null;
        var valid = raw is not null && signature is not null && IdaRequestCrypto.VerifyDetached(signature, raw, out signer);
        return new IdaRawAnswer((int)response.StatusCode, raw ?? [], valid, signer);
    }

    private string DomainUri => _profile.BaseUrl.TrimEnd('/');

    private Uri RouteUri(string route)
    {
        var root = _profile.BaseUrl.TrimEnd('/');
        if (!root.EndsWith("/idauthentication/v1", StringComparison.OrdinalIgnoreCase))
        {
            root += "/idauthentication/v1";
        }

        return new Uri($"{root}/{route}/{Uri.EscapeDataString(_profile.MispLicenseKey)}/{Uri.EscapeDataString(_profile.PartnerId)}/{Uri.EscapeDataString(_profile.ApiKey)}");
    }

    private static async Task<byte[]?> ReadLimitedAsync(HttpContent content, CancellationToken cancellationToken)
    {
        if (content.Headers.ContentLength > MaxResponseBytes)
        {
            return null;
        }

        await using var stream = await content.ReadAsStreamAsync(cancellationToken).ConfigureAwait(false);
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await stream.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > MaxResponseBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    private static IdaResult<T> Shape<T>(IdaRawAnswer answer, string transactionId, Func<JsonObject, T> read)
        where T : class
    {
        var rawText = Encoding.UTF8.GetString(answer.Body);
        JsonObject? root;
        try
        {
            root = JsonNode.Parse(answer.Body) as JsonObject;
        }
        catch (JsonException)
        {
            root = null;
        }

        if (root is null)
        {
            return new IdaResult<T>(answer.HttpStatus, null, [IdaClientErrors.UnreadableResponse], answer.SignatureValid, rawText)
            {
                TransactionId = transactionId,
                ResponseSigner = answer.Signer,
            };
        }

        var errors = ReadErrors(root);
        var response = root["response"] as JsonObject;
        return new IdaResult<T>(answer.HttpStatus, response is null ? null : read(response), errors, answer.SignatureValid, rawText)
        {
            TransactionId = transactionId,
            ResponseSigner = answer.Signer,
        };
    }

    private static List<IdaError> ReadErrors(JsonObject root)
    {
        var errors = new List<IdaError>();
        if (root["errors"] is JsonArray array)
        {
            foreach (var item in array.OfType<JsonObject>())
            {
                var code = Text(item, "errorCode") ?? "";
                var message = Text(item, "errorMessage") ?? Text(item, "message") ?? "";
                errors.Add(new IdaError(code, message));
            }
        }

        return errors;
    }

    private IdaKycResponse OpenKyc(JsonObject response, List<IdaError> errors)
    {
        var status = Bool(response, "kycStatus");
        var identity = Text(response, "identity");
        var sessionKey = Text(response, "sessionKey");
        if (identity is null || sessionKey is null)
        {
            return new IdaKycResponse(status, Text(response, "authToken"), null);
        }

        var thumbprint = Text(response, "thumbprint");
        if (thumbprint is not null && !string.Equals(thumbprint, Convert.ToHexString(IdaRequestCrypto.Thumbprint(_profile.PartnerCertificate)), StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(IdaClientErrors.KycWrongThumbprint);
            return new IdaKycResponse(status, Text(response, "authToken"), null);
        }

        using var key = _profile.PartnerCertificate.GetRSAPrivateKey()
            ?? throw new InvalidOperationException("The partner certificate has no private key.");
        byte[]? plain = null;
        try
        {
            plain = IdaRequestCrypto.OpenKycIdentity(identity, sessionKey, key);
            return new IdaKycResponse(status, Text(response, "authToken"), JsonNode.Parse(plain) as JsonObject);
        }
        catch (Exception ex) when (ex is CryptographicException or JsonException)
        {
            errors.Add(IdaClientErrors.KycNotDecryptable);
            return new IdaKycResponse(status, Text(response, "authToken"), null);
        }
        finally
        {
            if (plain is not null)
            {
                CryptographicOperations.ZeroMemory(plain);
            }
        }
    }

    private static string? Text(JsonObject node, string name) =>
        node[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;

    private static bool Bool(JsonObject node, string name) =>
        node[name] is JsonValue value && value.TryGetValue<bool>(out var flag) && flag;
}

/// <summary>An answer as received: status, body bytes and whether its <c>response-signature</c> verified (and by whom).</summary>
public sealed record IdaRawAnswer(int HttpStatus, byte[] Body, bool SignatureValid, X509Certificate2? Signer);
