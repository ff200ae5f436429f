using Civitas.Common.Envelope;
using Civitas.Keys.Certificates;
using Civitas.Keys.Management;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Civitas.Keys.Api;

/// <summary><c>/v1/keymanager</c>: key generation, certificates, CSRs, uploads and revocation (errors <c>KER-KMS-*</c>).</summary>
internal static class KeyManagerApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/generateMasterKey/{objectType}", GenerateMasterKey);
        group.MapPost("/generateCSR", GenerateCsr);
        group.MapGet("/getCertificate", GetCertificate);
        group.MapPost("/uploadCertificate", UploadCertificate);
        group.MapPost("/uploadOtherDomainCertificate", UploadOtherDomainCertificate);
        group.MapPut("/revokeKey", RevokeKey);
        group.MapGet("/getAllCertificates", GetAllCertificates);
    }

    internal static Ok<MosipResponse<KeyPairGenerateResponse>> GenerateMasterKey(string objectType, MosipBody<KeyPairGenerateRequest> body, IKeyManager keys, TimeProvider clock) =>
        KeysEndpoint.Run(body, request =>
        {
            var wantsCsr = objectType.ToUpperInvariant() switch
            {
                "CERTIFICATE" => false,
                "CSR" => true,
                _ => throw new KeysException(KeysErrors.InvalidObjectType),
            };
            var application = KeysEndpoint.Required(request.ApplicationId, "applicationId", KeysErrors.MissingParameter);
            var subject = Subject(request);
            var key = keys.GenerateKey(application, request.ReferenceId, request.Force ?? false, subject);
            var csr = wantsCsr ? keys.GenerateCsr(application, request.ReferenceId, subject) : null;
            return Response(key, wantsCsr ? null : key.CertificatePem, csr, clock);
        });

    internal static Ok<MosipResponse<KeyPairGenerateResponse>> GenerateCsr(MosipBody<KeyPairGenerateRequest> body, IKeyManager keys, TimeProvider clock) =>
        KeysEndpoint.Run(body, request =>
        {
            var application = KeysEndpoint.Required(request.ApplicationId, "applicationId", KeysErrors.MissingParameter);
            var key = keys.GetCertificate(application, request.ReferenceId);
            return Response(key, null, keys.GenerateCsr(application, request.ReferenceId, Subject(request)), clock);
        });

    internal static Ok<MosipResponse<KeyPairGenerateResponse>> GetCertificate([FromQuery] string? applicationId, [FromQuery] string? referenceId, IKeyManager keys, TimeProvider clock) =>
        KeysEndpoint.Run("mosip.keymanager.getcertificate", () =>
        {
            var key = keys.GetCertificate(KeysEndpoint.Required(applicationId, "applicationId", KeysErrors.MissingParameter), referenceId);
            return Response(key, key.CertificatePem, null, clock);
        });

    internal static Ok<MosipResponse<UploadCertificateResponse>> UploadCertificate(MosipBody<UploadCertificateRequest> body, IKeyManager keys, TimeProvider clock) =>
        KeysEndpoint.Run(body, request =>
        {
            keys.UploadCertificate(
                KeysEndpoint.Required(request.ApplicationId, "applicationId", KeysErrors.MissingParameter),
                request.ReferenceId,
                KeysEndpoint.Required(request.CertificateData, "certificateData", KeysErrors.MissingParameter));
            return new UploadCertificateResponse("Upload Success", KeysEndpoint.Now(clock));
        });

    internal static Ok<MosipResponse<UploadCertificateResponse>> UploadOtherDomainCertificate(MosipBody<UploadCertificateRequest> body, IKeyManager keys, TimeProvider clock) =>
        KeysEndpoint.Run(body, request =>
        {
            keys.UploadOtherDomainCertificate(
                KeysEndpoint.Required(request.ApplicationId, "applicationId", KeysErrors.MissingParameter),
                request.ReferenceId,
                KeysEndpoint.Required(request.CertificateData, "certificateData", KeysErrors.MissingParameter));
            return new UploadCertificateResponse("Upload Success", KeysEndpoint.Now(clock));
        });

    internal static Ok<MosipResponse<RevokeKeyResponse>> RevokeKey(MosipBody<RevokeKeyRequest> body, IKeyManager keys, TimeProvider clock) =>
        KeysEndpoint.Run(body, request =>
        {
            keys.RevokeKey(
                KeysEndpoint.Required(request.ApplicationId, "applicationId", KeysErrors.MissingParameter),
                KeysEndpoint.Required(request.ReferenceId, "referenceId", KeysErrors.MissingParameter));
            return new RevokeKeyResponse("Key Revoked Successfully", KeysEndpoint.Now(clock));
        });

    internal static Ok<MosipResponse<AllCertificatesResponse>> GetAllCertificates([FromQuery] string? applicationId, [FromQuery] string? referenceId, IKeyManager keys) =>
        KeysEndpoint.Run("mosip.keymanager.getallcertificates", () => new AllCertificatesResponse(
            keys.GetAllCertificates(KeysEndpoint.Required(applicationId, "applicationId", KeysErrors.MissingParameter), referenceId)
                .Select(k => new CertificateDataItem(k.CertificatePem, k.Thumbprint, KeysEndpoint.Format(k.IssuedAtUtc), KeysEndpoint.Format(k.ExpiresAtUtc), k.ApplicationId, k.ReferenceId, k.RevokedAtUtc is not null))
                .ToList()));

    private static CertificateSubject? Subject(KeyPairGenerateRequest request)
    {
        if (string.IsNullOrWhiteSpace(request.CommonName))
        {
            return null;
        }
        if (!string.IsNullOrWhiteSpace(request.Country) && request.Country.Trim().Length != 2)
        {
            throw new KeysException(KeysErrors.InvalidRequest, "country must be a two-letter ISO code");
        }
        return new CertificateSubject(request.CommonName.Trim(), request.OrganizationUnit, request.Organization, request.Location, request.State, request.Country);
    }

    private static KeyPairGenerateResponse Response(KeyCertificate key, string? certificate, string? csr, TimeProvider clock) =>
        new(certificate, csr, KeysEndpoint.Format(key.IssuedAtUtc), KeysEndpoint.Format(key.ExpiresAtUtc), KeysEndpoint.Now(clock));
}
