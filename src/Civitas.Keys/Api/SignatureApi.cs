using System.Text.Json;
using Civitas.Common.Envelope;
using Civitas.Keys.Encryption;
using Civitas.Keys.Signatures;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Civitas.Keys.Api;

/// <summary>The signature service: seed <c>sign</c>/<c>validate</c> and current <c>jwtSign</c>, <c>jwtVerify</c>, <c>jwsSign</c>.</summary>
internal static class SignatureApi
{
    public static void MapSeed(RouteGroupBuilder group)
    {
        group.MapPost("/sign", Sign);
        group.MapPost("/validate", Validate);
    }

    public static void MapCurrent(RouteGroupBuilder group)
    {
        MapSeed(group);
        group.MapPost("/jwtSign", JwtSign);
        group.MapPost("/jwtVerify", JwtVerify);
        group.MapPost("/jwsSign", JwsSign);
    }

    internal static Ok<MosipResponse<SignResponse>> Sign(MosipBody<SignRequest> body, SignatureService signatures, TimeProvider clock) =>
        KeysEndpoint.Run(body, request =>
        {
            if (request.Data is null)
            {
                throw new KeysException(KeysErrors.SignatureInvalidInput, "data");
            }
            return new SignResponse(signatures.SignData(request.Data), KeysEndpoint.Now(clock));
        });

    internal static Ok<MosipResponse<ValidateResponse>> Validate(MosipBody<ValidateRequest> body, SignatureService signatures) =>
        KeysEndpoint.Run(body, request =>
        {
            if (string.IsNullOrWhiteSpace(request.Signature) || request.Data is null)
            {
                throw new KeysException(KeysErrors.SignatureInvalidInput, "signature and data are required");
            }
            return signatures.ValidateData(request.Signature, request.Data)
                ? new ValidateResponse("success", "Validation Successful")
                : throw new KeysException(KeysErrors.SignatureNotValid);
        });

    internal static Ok<MosipResponse<JwtSignResponse>> JwtSign(MosipBody<JwtSignRequest> body, ISigner signer, TimeProvider clock) =>
        KeysEndpoint.Run(body, request =>
        {
            var payload = Payload(request, requireJson: true);
            return new JwtSignResponse(signer.Sign(request.ApplicationId, request.ReferenceId, payload, Options(request, algorithm: null, encodePayload: true)), KeysEndpoint.Now(clock));
        });

    internal static Ok<MosipResponse<JwtSignResponse>> JwsSign(MosipBody<JwtSignRequest> body, ISigner signer, TimeProvider clock) =>
        KeysEndpoint.Run(body, request =>
        {
            var payload = Payload(request, requireJson: request.ValidateJson ?? false);
            var algorithm = string.IsNullOrWhiteSpace(request.SignAlgorithm) ? null : request.SignAlgorithm.Trim().ToUpperInvariant();
            if (algorithm is not null && !JwsAlgorithms.IsSupported(algorithm))
            {
                throw new KeysException(KeysErrors.JwsInvalidInput, "signAlgorithm " + algorithm + " is not supported");
            }
            return new JwtSignResponse(signer.Sign(request.ApplicationId, request.ReferenceId, payload, Options(request, algorithm, request.B64JWSHeaderParam ?? true)), KeysEndpoint.Now(clock));
        });

    internal static Ok<MosipResponse<JwtVerifyResponse>> JwtVerify(MosipBody<JwtVerifyRequest> body, ISigner signer) =>
        KeysEndpoint.Run(body, request =>
        {
            var jws = KeysEndpoint.Required(request.JwtSignatureData, "jwtSignatureData", KeysErrors.JwsInvalidVerifyInput);
            byte[] detached = [];
            if (!string.IsNullOrWhiteSpace(request.ActualData) && !Base64Input.TryDecode(request.ActualData, out detached))
            {
                throw new KeysException(KeysErrors.JwsInvalidVerifyInput, "actualData is not base64url");
            }
            var result = signer.Verify(jws, detached, request.ApplicationId, request.ReferenceId, request.CertificateData, request.ValidateTrust ?? false, request.Domain);
            return new JwtVerifyResponse(result.SignatureValid, result.SignatureValid ? "Validation Successful" : "Validation Failed", result.TrustValid);
        });

    private static byte[] Payload(JwtSignRequest request, bool requireJson)
    {
        if (string.IsNullOrWhiteSpace(request.DataToSign) || !Base64Input.TryDecode(request.DataToSign, out var payload))
        {
            throw new KeysException(KeysErrors.JwsInvalidInput);
        }
        if (requireJson && !IsJson(payload))
        {
            throw new KeysException(KeysErrors.JwsInvalidJson);
        }
        return payload;
    }

    private static bool IsJson(byte[] payload)
    {
        try
        {
            using var document = JsonDocument.Parse(payload);
            return document.RootElement.ValueKind is JsonValueKind.Object or JsonValueKind.Array;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static JwsSignOptions Options(JwtSignRequest request, string? algorithm, bool encodePayload) => new()
    {
        Algorithm = algorithm,
        IncludePayload = request.IncludePayload ?? true,
        IncludeCertificate = request.IncludeCertificate ?? false,
        IncludeCertificateHash = request.IncludeCertHash ?? false,
        CertificateUrl = request.CertificateUrl,
        EncodePayload = encodePayload,
    };
}
