using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Civitas.Common.Security;
using Civitas.Keys.Tests.Support;

namespace Civitas.Keys.Tests.Http;

public sealed class KeyManagerHttpTests : IClassFixture<KeysHostFixture>
{
    private readonly KeysHostFixture _fixture;

    public KeyManagerHttpTests(KeysHostFixture fixture) => _fixture = fixture;

    private HttpClient Client => _fixture.Keys;

    [Fact]
    public async Task Generated_master_key_certificate_and_csr_are_valid_and_chain_to_root()
    {
        var request = new
        {
            applicationId = "REGISTRATION",
            referenceId = "",
            force = false,
            commonName = "www.example.com",
            organizationUnit = "MOSIP-TECH-CENTER",
            organization = "IIITB",
            location = "BANGALORE",
            state = "KA",
            country = "IN",
        };
        var certificate = (await MosipCall.PostAsync(Client, "/v1/keymanager/generateMasterKey/CERTIFICATE", request)).Response();
        var pem = certificate.Text("certificate");
        Assert.Contains("CN=www.example.com", OpenSsl.Text(pem), StringComparison.Ordinal);
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$", certificate.Text("issuedAt"));

        var root = (await MosipCall.GetAsync(Client, "/v1/keymanager/getCertificate?applicationId=ROOT")).Response().Text("certificate");
        var (ok, output) = OpenSsl.VerifyChain(root, pem);
        Assert.True(ok, output);

        var csr = (await MosipCall.PostAsync(Client, "/v1/keymanager/generateMasterKey/CSR", request)).Response();
        Assert.Equal(JsonValueKind.Null, csr.GetProperty("certificate").ValueKind);
        Assert.True(OpenSsl.VerifyCsr(csr.Text("certSignRequest")).Ok);

        var generated = (await MosipCall.PostAsync(Client, "/v1/keymanager/generateCSR", request with { })).Response();
        var (csrOk, subject) = OpenSsl.VerifyCsr(generated.Text("certSignRequest"));
        Assert.True(csrOk);
        Assert.Contains("CN=www.example.com", subject, StringComparison.Ordinal);

        Assert.Equal("KER-KMS-009", (await MosipCall.PostAsync(Client, "/v1/keymanager/generateMasterKey/PFX", request)).ErrorCode());
    }

    [Fact]
    public async Task Base_key_certificates_are_created_lazily_and_chain_through_the_master()
    {
        var baseCert = (await MosipCall.GetAsync(Client, "/v1/keymanager/getCertificate?applicationId=IDA&referenceId=PARTNER-1")).Response().Text("certificate");
        var again = (await MosipCall.GetAsync(Client, "/v1/keymanager/getCertificate?applicationId=IDA&referenceId=PARTNER-1")).Response().Text("certificate");
        Assert.Equal(baseCert, again);
        var master = (await MosipCall.GetAsync(Client, "/v1/keymanager/getCertificate?applicationId=IDA")).Response().Text("certificate");
        var root = (await MosipCall.GetAsync(Client, "/v1/keymanager/getCertificate?applicationId=ROOT")).Response().Text("certificate");
        var (ok, output) = OpenSsl.VerifyChain(root, baseCert, master);
        Assert.True(ok, output);

        var all = (await MosipCall.GetAsync(Client, "/v1/keymanager/getAllCertificates?applicationId=IDA")).Response().GetProperty("allCertificates");
        Assert.Contains(all.EnumerateArray(), c => c.Text("referenceId") == "PARTNER-1" && c.Text("certificateData") == baseCert);
    }

    [Fact]
    public async Task Business_errors_come_back_with_http_200_and_their_codes()
    {
        Assert.Equal("KER-KMS-002", (await MosipCall.GetAsync(Client, "/v1/keymanager/getCertificate?applicationId=NOPE")).ErrorCode());
        Assert.Equal("KER-KMS-028", (await MosipCall.GetAsync(Client, "/v1/keymanager/getCertificate")).ErrorCode());
        Assert.Equal("KER-KMS-013", (await MosipCall.PostAsync(Client, "/v1/keymanager/uploadCertificate",
            new { applicationId = "KERNEL", referenceId = "", certificateData = "garbage" })).ErrorCode());
        Assert.Equal("KER-KMS-999", (await MosipCall.RawPostAsync(Client, "/v1/keymanager/generateCSR", "{not json")).ErrorCode());
        Assert.Equal("KER-KMS-028", (await MosipCall.PutAsync(Client, "/v1/keymanager/revokeKey", new { applicationId = "KERNEL", referenceId = " " })).ErrorCode());
        Assert.Equal("KER-KMS-021", (await MosipCall.PutAsync(Client, "/v1/keymanager/revokeKey", new { applicationId = "ROOT", referenceId = "X" })).ErrorCode());
    }

    [Fact]
    public async Task Other_domain_upload_revocation_and_key_mismatch()
    {
        using var caKey = RSA.Create(2048);
        using var ca = TestCertificates.SelfSignedCa("Other CA", caKey);
        using var otherKey = RSA.Create(2048);
        using var other = TestCertificates.Issue(ca, "CN=other-domain", otherKey);
        var uploaded = await MosipCall.PostAsync(Client, "/v1/keymanager/uploadOtherDomainCertificate",
            new { applicationId = "PARTNER", referenceId = "OTHER", certificateData = other.ExportCertificatePem() });
        Assert.Equal("Upload Success", uploaded.Response().Text("status"));
        var fetched = (await MosipCall.GetAsync(Client, "/v1/keymanager/getCertificate?applicationId=PARTNER&referenceId=OTHER")).Response().Text("certificate");
        Assert.Equal(other.ExportCertificatePem().Trim(), fetched.Trim());

        Assert.Equal("KER-KMS-014", (await MosipCall.PostAsync(Client, "/v1/keymanager/uploadCertificate",
            new { applicationId = "PARTNER", referenceId = "MINE", certificateData = await WithOwnKeyThenForeign("PARTNER", "MINE", other) })).ErrorCode());

        var before = (await MosipCall.GetAsync(Client, "/v1/keymanager/getCertificate?applicationId=PARTNER&referenceId=REV")).Response().Text("certificate");
        var revoked = await MosipCall.PutAsync(Client, "/v1/keymanager/revokeKey", new { applicationId = "PARTNER", referenceId = "REV" });
        Assert.Equal("Key Revoked Successfully", revoked.Response().Text("status"));
        var after = (await MosipCall.GetAsync(Client, "/v1/keymanager/getCertificate?applicationId=PARTNER&referenceId=REV")).Response().Text("certificate");
        Assert.NotEqual(before, after);
    }

    private async Task<string> WithOwnKeyThenForeign(string application, string reference, System.Security.Cryptography.X509Certificates.X509Certificate2 foreign)
    {
        await MosipCall.GetAsync(Client, $"/v1/keymanager/getCertificate?applicationId={application}&referenceId={reference}");
        return foreign.ExportCertificatePem();
    }

    [Fact]
    public async Task Partner_trust_store_accepts_chains_and_refuses_strangers()
    {
        using var rootKey = RSA.Create(2048);
        using var root = TestCertificates.SelfSignedCa("Device Root", rootKey);
        using var subKey = RSA.Create(2048);
        using var subPublic = TestCertificates.Issue(root, "CN=Device Sub CA, O=Test CA", subKey, isCa: true);
        using var sub = RSACertificateExtensions.CopyWithPrivateKey(subPublic, subKey);
        using var partnerKey = RSA.Create(2048);
        using var partner = TestCertificates.Issue(sub, "CN=device.partner.org, O=Device Org", partnerKey);

        Assert.Equal("KER-PCM-006", (await MosipCall.PostAsync(Client, "/v1/keymanager/uploadCACertificate",
            new { certificateData = sub.ExportCertificatePem(), partnerDomain = "DEVICE" })).ErrorCode());
        (await MosipCall.PostAsync(Client, "/v1/keymanager/uploadCACertificate", new { certificateData = root.ExportCertificatePem(), partnerDomain = "DEVICE" })).Response();
        (await MosipCall.PostAsync(Client, "/v1/keymanager/uploadCACertificate", new { certificateData = sub.ExportCertificatePem(), partnerDomain = "DEVICE" })).Response();
        Assert.Equal("KER-PCM-003", (await MosipCall.PostAsync(Client, "/v1/keymanager/uploadCACertificate",
            new { certificateData = root.ExportCertificatePem(), partnerDomain = "DEVICE" })).ErrorCode());

        var uploaded = (await MosipCall.PostAsync(Client, "/v1/keymanager/uploadPartnerCertificate",
            new { certificateData = partner.ExportCertificatePem(), organizationName = "Device Org", partnerDomain = "DEVICE" })).Response();
        var id = uploaded.Text("certificateId");
        var pms = (await MosipCall.GetAsync(Client, "/v1/keymanager/getCertificate?applicationId=PMS")).Response().Text("certificate");
        var (resignedOk, resignedOutput) = OpenSsl.VerifyChain(
            (await MosipCall.GetAsync(Client, "/v1/keymanager/getCertificate?applicationId=ROOT")).Response().Text("certificate"),
            uploaded.Text("signedCertificateData"), pms);
        Assert.True(resignedOk, resignedOutput);

        var downloaded = (await MosipCall.GetAsync(Client, $"/v1/keymanager/getPartnerCertificate/{id}")).Response().Text("certificateData");
        Assert.Equal(partner.ExportCertificatePem().Trim(), downloaded.Trim());
        Assert.Equal("KER-PCM-012", (await MosipCall.GetAsync(Client, "/v1/keymanager/getPartnerCertificate/unknown")).ErrorCode());

        Assert.True((await MosipCall.PostAsync(Client, "/v1/keymanager/verifyCertificateTrust",
            new { certificateData = partner.ExportCertificatePem(), partnerDomain = "DEVICE" })).Response().GetProperty("status").GetBoolean());
        Assert.False((await MosipCall.PostAsync(Client, "/v1/keymanager/verifyCertificateTrust",
            new { certificateData = partner.ExportCertificatePem(), partnerDomain = "AUTH" })).Response().GetProperty("status").GetBoolean());
        using var strangerKey = RSA.Create(2048);
        using var strangerRoot = TestCertificates.SelfSignedCa("Stranger", strangerKey);
        using var stranger = TestCertificates.Issue(strangerRoot, "CN=stranger, O=Device Org", partnerKey);
        Assert.Equal("KER-PCM-006", (await MosipCall.PostAsync(Client, "/v1/keymanager/uploadPartnerCertificate",
            new { certificateData = stranger.ExportCertificatePem(), organizationName = "Device Org", partnerDomain = "DEVICE" })).ErrorCode());
        Assert.Equal("KER-PCM-011", (await MosipCall.PostAsync(Client, "/v1/keymanager/verifyCertificateTrust",
            new { certificateData = partner.ExportCertificatePem(), partnerDomain = "MARS" })).ErrorCode());
    }

    [Fact]
    public async Task The_api_document_lists_the_key_routes()
    {
        using var anonymous = new HttpClient { BaseAddress = _fixture.Host.BaseAddress };
        using var response = await anonymous.GetAsync("/openapi/v1.json");
        var document = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, document);
        foreach (var route in new[] { "/v1/keymanager/generateMasterKey/{objectType}", "/v1/keymanager/decrypt", "/v1/cryptomanager/encrypt", "/v1/keymanager/jwsSign", "/v1/signature/validate" })
        {
            Assert.Contains(route, document, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Routes_need_a_token_with_the_keys_scope()
    {
        using var anonymous = new HttpClient { BaseAddress = _fixture.Host.BaseAddress };
        using var noToken = await anonymous.GetAsync("/v1/keymanager/getCertificate?applicationId=KERNEL");
        Assert.Equal(HttpStatusCode.Unauthorized, noToken.StatusCode);
        using var kernelOnly = await _fixture.Host.CreateServiceClientAsync(CivitasScopes.Kernel);
        using var wrongScope = await kernelOnly.GetAsync("/v1/keymanager/getCertificate?applicationId=KERNEL");
        Assert.Equal(HttpStatusCode.Forbidden, wrongScope.StatusCode);
    }
}
