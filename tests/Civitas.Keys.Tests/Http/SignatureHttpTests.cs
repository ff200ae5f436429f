using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Civitas.Keys.Encryption;
using Civitas.Keys.Tests.Support;
using Jose;
using JWT = Jose.JWT;

namespace Civitas.Keys.Tests.Http;

public sealed class SignatureHttpTests : IClassFixture<KeysHostFixture>
{
    private static readonly byte[] Claims = """{"iss":"civitas","amount":42}"""u8.ToArray();
    private readonly KeysHostFixture _fixture;

    public SignatureHttpTests(KeysHostFixture fixture) => _fixture = fixture;

    private HttpClient Client => _fixture.Keys;

    [Fact]
    public async Task JwtSign_output_verifies_with_jose_jwt_and_with_jwtVerify()
    {
        var signed = (await MosipCall.PostAsync(Client, "/v1/keymanager/jwtSign", new
        {
            dataToSign = Base64Input.EncodeUrl(Claims),
            applicationId = "KERNEL",
            referenceId = "SIGN",
            includePayload = true,
            includeCertificate = true,
            includeCertHash = true,
        })).Response().Text("jwtSignedData");
        var certificatePem = (await MosipCall.GetAsync(Client, "/v1/keymanager/getCertificate?applicationId=KERNEL&referenceId=SIGN")).Response().Text("certificate");
        using var certificate = X509Certificate2.CreateFromPem(certificatePem);
        Assert.Equal(Claims, JWT.DecodeBytes(signed, certificate.GetRSAPublicKey(), JwsAlgorithm.RS256));

        var verified = (await MosipCall.PostAsync(Client, "/v1/keymanager/jwtVerify", new { jwtSignatureData = signed, validateTrust = false })).Response();
        Assert.True(verified.GetProperty("signatureValid").GetBoolean());
        Assert.Equal("TRUST_NOT_VERIFIED", verified.Text("trustValid"));

        Assert.Equal("KER-JWS-103", (await MosipCall.PostAsync(Client, "/v1/keymanager/jwtSign", new { dataToSign = Base64Input.EncodeUrl("not json"u8) })).ErrorCode());
        Assert.Equal("KER-JWS-102", (await MosipCall.PostAsync(Client, "/v1/keymanager/jwtSign", new { dataToSign = "***" })).ErrorCode());
    }

    [Fact]
    public async Task Detached_jwtSign_verifies_only_with_the_right_actual_data()
    {
        var signed = (await MosipCall.PostAsync(Client, "/v1/keymanager/jwtSign", new
        {
            dataToSign = Base64Input.EncodeUrl(Claims),
            applicationId = "IDA",
            referenceId = "SIGN-RESPONSE",
            includePayload = false,
        })).Response().Text("jwtSignedData");
        Assert.Contains("..", signed, StringComparison.Ordinal);

        var good = (await MosipCall.PostAsync(Client, "/v1/keymanager/jwtVerify", new
        {
            jwtSignatureData = signed,
            actualData = Base64Input.EncodeUrl(Claims),
            applicationId = "IDA",
            referenceId = "SIGN-RESPONSE",
        })).Response();
        Assert.True(good.GetProperty("signatureValid").GetBoolean());
        var bad = (await MosipCall.PostAsync(Client, "/v1/keymanager/jwtVerify", new
        {
            jwtSignatureData = signed,
            actualData = Base64Input.EncodeUrl("""{"iss":"civitas","amount":43}"""u8),
            applicationId = "IDA",
            referenceId = "SIGN-RESPONSE",
        })).Response();
        Assert.False(bad.GetProperty("signatureValid").GetBoolean());
        Assert.Equal("Validation Failed", bad.Text("message"));
    }

    [Theory]
    [InlineData("""{"alg":"\ud800"}""")]
    [InlineData("""{"alg":"RS256","kid":"\udc00"}""")]
    [InlineData("""{"alg":"RS256","x5c":["\ud800"]}""")]
    public async Task JwtVerify_of_a_header_with_a_lone_surrogate_is_an_answer_not_a_500(string header)
    {
        // JSON parsing accepts the escape; reading it as .NET text throws. The route must still answer normally.
        var jws = Base64Input.EncodeUrl(System.Text.Encoding.UTF8.GetBytes(header)) + "." + Base64Input.EncodeUrl(Claims) + ".c2ln";

        var answer = await MosipCall.PostAsync(Client, "/v1/keymanager/jwtVerify", new { jwtSignatureData = jws, validateTrust = false });

        var valid = answer.GetProperty("response").ValueKind == JsonValueKind.Object && answer.Response().GetProperty("signatureValid").GetBoolean();
        Assert.False(valid);
    }

    [Theory]
    [InlineData("PS256", "VC-ISSUER")]
    [InlineData("RS256", "VC-ISSUER")]
    [InlineData("ES256", "EC_SECP256R1_SIGN")]
    public async Task JwsSign_with_unencoded_payload_verifies_with_jose_jwt(string algorithm, string reference)
    {
        var payload = SHA256.HashData("proof"u8).Concat(SHA256.HashData("document"u8)).ToArray();
        var signed = (await MosipCall.PostAsync(Client, "/v1/keymanager/jwsSign", new
        {
            dataToSign = Base64Input.EncodeUrl(payload),
            applicationId = "ID_REPO",
            referenceId = reference,
            includePayload = false,
            includeCertificate = true,
            b64JWSHeaderParam = false,
            validateJson = false,
            signAlgorithm = algorithm,
        })).Response().Text("jwtSignedData");
        var header = JsonDocument.Parse(Convert.FromBase64String(Pad(signed.Split('.')[0]))).RootElement;
        Assert.Equal(algorithm, header.GetProperty("alg").GetString());
        Assert.False(header.GetProperty("b64").GetBoolean());
        using var certificate = X509CertificateLoader.LoadCertificate(Convert.FromBase64String(header.GetProperty("x5c")[0].GetString()!));
        object key = (object?)certificate.GetRSAPublicKey() ?? certificate.GetECDsaPublicKey()!;
        Assert.Equal(payload, JWT.DecodeBytes(signed, key, Enum.Parse<JwsAlgorithm>(algorithm), payload: payload));
    }

    [Fact]
    public async Task Seed_sign_and_validate_on_both_paths()
    {
        foreach (var prefix in new[] { "/v1/signature", "/v1/keymanager" })
        {
            var signature = (await MosipCall.PostAsync(Client, prefix + "/sign", new { data = "{\"k\":\"v\"}" })).Response().Text("signature");
            var valid = (await MosipCall.PostAsync(Client, prefix + "/validate", new { signature, data = "{\"k\":\"v\"}", timestamp = "2026-11-24T05:00:00.000Z" })).Response();
            Assert.Equal("success", valid.Text("status"));
            Assert.Equal("Validation Successful", valid.Text("message"));
            Assert.Equal("KER-CSS-101", (await MosipCall.PostAsync(Client, prefix + "/validate", new { signature, data = "{\"k\":\"w\"}" })).ErrorCode());
        }
    }

    private static string Pad(string base64Url)
    {
        var text = base64Url.Replace('-', '+').Replace('_', '/');
        return text + new string('=', (4 - (text.Length % 4)) % 4);
    }
}
