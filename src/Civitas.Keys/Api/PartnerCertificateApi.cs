using Civitas.Common.Envelope;
using Civitas.Keys.Trust;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Civitas.Keys.Api;

/// <summary>The partner trust store under <c>/v1/keymanager</c> (errors <c>KER-PCM-*</c>).</summary>
internal static class PartnerCertificateApi
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/uploadCACertificate", UploadCaCertificate);
        group.MapPost("/uploadPartnerCertificate", UploadPartnerCertificate);
        group.MapGet("/getPartnerCertificate/{partnerCertId}", GetPartnerCertificate);
        group.MapPost("/verifyCertificateTrust", VerifyCertificateTrust);
    }

    internal static Ok<MosipResponse<CaCertificateResponse>> UploadCaCertificate(MosipBody<CaCertificateRequest> body, IPartnerTrustStore trust, TimeProvider clock) =>
        KeysEndpoint.Run(body, request =>
        {
            trust.UploadCaCertificate(
                KeysEndpoint.Required(request.CertificateData, "certificateData", KeysErrors.MissingParameter),
                KeysEndpoint.Required(request.PartnerDomain, "partnerDomain", KeysErrors.MissingParameter));
            return new CaCertificateResponse("Upload Success", KeysEndpoint.Now(clock));
        });

    internal static Ok<MosipResponse<PartnerCertificateResponse>> UploadPartnerCertificate(MosipBody<PartnerCertificateRequest> body, IPartnerTrustStore trust, TimeProvider clock) =>
        KeysEndpoint.Run(body, request =>
        {
            var uploaded = trust.UploadPartnerCertificate(
                KeysEndpoint.Required(request.CertificateData, "certificateData", KeysErrors.MissingParameter),
                request.OrganizationName ?? string.Empty,
                KeysEndpoint.Required(request.PartnerDomain, "partnerDomain", KeysErrors.MissingParameter));
            return new PartnerCertificateResponse(uploaded.CertificateId, uploaded.SignedCertificatePem, KeysEndpoint.Now(clock));
        });

    internal static Ok<MosipResponse<PartnerCertificateDownloadResponse>> GetPartnerCertificate(string partnerCertId, IPartnerTrustStore trust, TimeProvider clock) =>
        KeysEndpoint.Run("mosip.keymanager.getpartnercertificate", () =>
            new PartnerCertificateDownloadResponse(trust.GetPartnerCertificate(partnerCertId), KeysEndpoint.Now(clock)));

    internal static Ok<MosipResponse<CertificateTrustResponse>> VerifyCertificateTrust(MosipBody<CertificateTrustRequest> body, IPartnerTrustStore trust) =>
        KeysEndpoint.Run(body, request => new CertificateTrustResponse(trust.VerifyCertificateTrust(
            KeysEndpoint.Required(request.CertificateData, "certificateData", KeysErrors.MissingParameter),
            KeysEndpoint.Required(request.PartnerDomain, "partnerDomain", KeysErrors.MissingParameter))));
}
