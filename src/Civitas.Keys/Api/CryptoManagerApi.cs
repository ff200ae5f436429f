using Civitas.Common.Envelope;
using Civitas.Keys.Encryption;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Civitas.Keys.Api;

/// <summary><c>encrypt</c>/<c>decrypt</c> in MOSIP's hybrid format (errors <c>KER-CRY-*</c> and the key manager's <c>KER-KMS-*</c>).</summary>
internal static class CryptoManagerApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/encrypt", Encrypt);
        group.MapPost("/decrypt", Decrypt);
    }

    internal static Ok<MosipResponse<CryptomanagerResponse>> Encrypt(MosipBody<CryptomanagerRequest> body, ICryptoService crypto) =>
        KeysEndpoint.Run(body, request =>
        {
            var (application, data, salt, aad, _) = Read(request);
            return new CryptomanagerResponse(Base64Input.EncodeUrl(crypto.Encrypt(application, request.ReferenceId, data, salt, aad)));
        });

    internal static Ok<MosipResponse<CryptomanagerResponse>> Decrypt(MosipBody<CryptomanagerRequest> body, ICryptoService crypto) =>
        KeysEndpoint.Run(body, request =>
        {
            var (application, data, salt, aad, timestamp) = Read(request);
            return new CryptomanagerResponse(Base64Input.EncodeUrl(crypto.Decrypt(application, request.ReferenceId, data, salt, aad, timestamp)));
        });

    private static (string Application, byte[] Data, byte[]? Salt, byte[]? Aad, DateTime? Timestamp) Read(CryptomanagerRequest request)
    {
        var application = KeysEndpoint.Required(request.ApplicationId, "applicationId", KeysErrors.CryptoInvalidRequest);
        var data = Decode(KeysEndpoint.Required(request.Data, "data", KeysErrors.CryptoInvalidRequest), "data");
        var salt = string.IsNullOrWhiteSpace(request.Salt) ? null : Decode(request.Salt, "salt");
        var aad = string.IsNullOrWhiteSpace(request.Aad) ? null : Decode(request.Aad, "aad");
        DateTime? timestamp = null;
        if (!string.IsNullOrWhiteSpace(request.TimeStamp))
        {
            timestamp = MosipTime.TryParse(request.TimeStamp, out var parsed)
                ? parsed.UtcDateTime
                : throw new KeysException(KeysErrors.CryptoDateTimeParse);
        }
        return (application, data, salt, aad, timestamp);
    }

    private static byte[] Decode(string text, string field) =>
        Base64Input.TryDecode(text, out var bytes) ? bytes : throw new KeysException(KeysErrors.CryptoInvalidData, field + " is not base64 or base64url");
}
