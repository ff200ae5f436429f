using Base64Url = System.Buffers.Text.Base64Url;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Civitas.Keys.Signatures;
using Civitas.Keys.Tests.Support;
using Jose;
using JWT = Jose.JWT;

namespace Civitas.Keys.Tests.Signatures;

/// <summary>JWS from the signature service checked by jose-jwt and openssl, and outside JWS checked by the service.</summary>
public sealed class SignatureServiceTests : IDisposable
{
    private static readonly byte[] Claims = """{"sub":"4000000001","name":"Ada","iat":1700000000}"""u8.ToArray();

    private readonly TempDirectory _directory = new();
    private readonly KeysStack _stack;

    public SignatureServiceTests() => _stack = new KeysStack(StoreKind.Software, _directory.File("keys.db"), RandomNumberGenerator.GetBytes(32));

    [Theory]
    [InlineData("RS256", "KERNEL", "SIGN")]
    [InlineData("PS256", "KERNEL", "SIGN")]
    [InlineData("RS256", "IDA", "SIGN-PARTNER")]
    [InlineData("PS256", "IDA", "SIGN-PARTNER")]
    [InlineData("ES256", "IDA", "EC_SECP256R1_SIGN")]
    public void Attached_jws_verifies_with_jose_jwt_and_carries_the_requested_headers(string algorithm, string application, string reference)
    {
        var jws = _stack.Signatures.Sign(application, reference, Claims, new JwsSignOptions
        {
            Algorithm = algorithm,
            IncludeCertificate = true,
            IncludeCertificateHash = true,
            CertificateUrl = "https://keys.example.org/cert.pem",
        });
        var certificatePem = _stack.Keys.GetCertificate(application, reference).CertificatePem;
        using var certificate = X509Certificate2.CreateFromPem(certificatePem);

        var payload = JWT.DecodeBytes(jws, VerificationKey(certificate), Enum.Parse<JwsAlgorithm>(algorithm));
        Assert.Equal(Claims, payload);

        var headers = JWT.Headers(jws);
        Assert.Equal(algorithm, headers["alg"]);
        Assert.Equal(Base64Url.EncodeToString(SHA256.HashData(certificate.RawData)), headers["x5t#S256"]);
        Assert.Equal(Base64Url.EncodeToString(SHA256.HashData(certificate.RawData)), headers["kid"]);
        Assert.Equal("https://keys.example.org/cert.pem", headers["x5u"]);
        var x5c = Assert.IsAssignableFrom<System.Collections.IEnumerable>(headers["x5c"]).Cast<object>().Select(o => o.ToString()).ToList();
        Assert.Equal(Convert.ToBase64String(certificate.RawData), Assert.Single(x5c));

        // A different payload under the same header and signature must not verify.
        var parts = jws.Split('.');
        var forged = parts[0] + "." + Base64Url.EncodeToString("""{"sub":"other"}"""u8) + "." + parts[2];
        Assert.ThrowsAny<Exception>(() => JWT.DecodeBytes(forged, VerificationKey(certificate), Enum.Parse<JwsAlgorithm>(algorithm)));
    }

    [Theory]
    [InlineData("RS256")]
    [InlineData("PS256")]
    public void Detached_jws_verifies_with_jose_jwt_and_openssl(string algorithm)
    {
        var jws = _stack.Signatures.Sign(null, null, Claims, new JwsSignOptions { Algorithm = algorithm, IncludePayload = false });
        var parts = jws.Split('.');
        Assert.Empty(parts[1]);
        using var certificate = X509Certificate2.CreateFromPem(_stack.Keys.GetCertificate("KERNEL", "SIGN").CertificatePem);
        Assert.Equal(Claims, JWT.DecodeBytes(jws, certificate.GetRSAPublicKey(), Enum.Parse<JwsAlgorithm>(algorithm), payload: Claims));

        var signingInput = Encoding.ASCII.GetBytes(parts[0] + "." + Base64Url.EncodeToString(Claims));
        Assert.True(OpenSsl.VerifySignature(certificate, signingInput, Base64Url.DecodeFromChars(parts[2]), pss: algorithm == "PS256"));
        Assert.False(OpenSsl.VerifySignature(certificate, [.. signingInput, (byte)'x'], Base64Url.DecodeFromChars(parts[2]), pss: algorithm == "PS256"));
    }

    [Theory]
    [InlineData("RS256")]
    [InlineData("PS256")]
    [InlineData("ES256")]
    public void Unencoded_detached_payload_jws_follows_rfc_7797(string algorithm)
    {
        var reference = algorithm == "ES256" ? "EC_SECP256R1_SIGN" : "VC";
        var payload = SHA256.HashData("canonical proof options"u8).Concat(SHA256.HashData("canonical document"u8)).ToArray();
        var jws = _stack.Signatures.Sign("IDA", reference, payload, new JwsSignOptions { Algorithm = algorithm, IncludePayload = false, EncodePayload = false });
        var headers = JWT.Headers(jws);
        Assert.Equal(false, headers["b64"]);
        using var certificate = X509Certificate2.CreateFromPem(_stack.Keys.GetCertificate("IDA", reference).CertificatePem);

        Assert.Equal(payload, JWT.DecodeBytes(jws, VerificationKey(certificate), Enum.Parse<JwsAlgorithm>(algorithm), payload: payload));
        var tampered = (byte[])payload.Clone();
        tampered[0] ^= 1;
        Assert.ThrowsAny<Exception>(() => JWT.DecodeBytes(jws, VerificationKey(certificate), Enum.Parse<JwsAlgorithm>(algorithm), payload: tampered));

        // Our own verifier agrees, from the header bytes as received.
        Assert.True(_stack.Signatures.Verify(jws, payload, "IDA", reference, null, false, null).SignatureValid);
        Assert.False(_stack.Signatures.Verify(jws, tampered, "IDA", reference, null, false, null).SignatureValid);
    }

    [Fact]
    public void Outside_jws_with_x5c_is_verified_and_its_chain_checked_against_the_trust_store()
    {
        using var rootKey = RSA.Create(2048);
        using var root = TestCertificates.SelfSignedCa("Partner Root", rootKey);
        using var partnerKey = RSA.Create(2048);
        using var partner = TestCertificates.Issue(root, "CN=partner.example.org, O=Partner Org", partnerKey);
        var headers = new Dictionary<string, object> { ["x5c"] = new[] { Convert.ToBase64String(partner.RawData) } };
        var jws = JWT.EncodeBytes(Claims, partnerKey, JwsAlgorithm.RS256, headers, options: new JwtOptions { DetachPayload = true });

        var untrusted = _stack.Signatures.Verify(jws, Claims, null, null, null, validateTrust: true, domain: "AUTH");
        Assert.True(untrusted.SignatureValid, jws);
        Assert.Equal(JwsVerification.TrustCertPathNotValid, untrusted.TrustValid);

        _stack.Trust.UploadCaCertificate(root.ExportCertificatePem(), "AUTH");
        Assert.Equal(JwsVerification.TrustCertPathValid, _stack.Signatures.Verify(jws, Claims, null, null, null, true, "AUTH").TrustValid);
        Assert.Equal(JwsVerification.TrustCertPathNotValid, _stack.Signatures.Verify(jws, Claims, null, null, null, true, "DEVICE").TrustValid);
        Assert.Equal(JwsVerification.TrustNotVerifiedNoDomain, _stack.Signatures.Verify(jws, Claims, null, null, null, true, null).TrustValid);
        Assert.Equal(JwsVerification.TrustNotVerified, _stack.Signatures.Verify(jws, Claims, null, null, null, false, "AUTH").TrustValid);

        Assert.False(_stack.Signatures.Verify(jws, "{}"u8, null, null, null, false, null).SignatureValid);
    }

    [Fact]
    public void Certificate_data_is_used_when_the_jws_has_no_x5c_and_alg_none_is_refused()
    {
        using var key = RSA.Create(2048);
        using var caKey = RSA.Create(2048);
        using var ca = TestCertificates.SelfSignedCa("Any", caKey);
        using var certificate = TestCertificates.Issue(ca, "CN=signer", key);
        var jws = JWT.EncodeBytes(Claims, key, JwsAlgorithm.PS256);
        Assert.True(_stack.Signatures.Verify(jws, default, null, null, certificate.ExportCertificatePem(), false, null).SignatureValid);

        var none = Base64Url.EncodeToString("""{"alg":"none"}"""u8) + "." + Base64Url.EncodeToString(Claims) + ".c2ln";
        Assert.False(_stack.Signatures.Verify(none, default, null, null, certificate.ExportCertificatePem(), false, null).SignatureValid);
        Assert.Equal("KER-JWS-106", Assert.Throws<KeysException>(() => _stack.Signatures.Verify("not-a-jws", default, null, null, null, false, null)).Error.Code);
    }

    [Fact]
    public void Seed_sign_and_validate_round_trip_and_reject_other_data()
    {
        var signature = _stack.Signatures.SignData("""{"uin":"4000000001"}""");
        Assert.True(_stack.Signatures.ValidateData(signature, """{"uin":"4000000001"}"""));
        Assert.False(_stack.Signatures.ValidateData(signature, """{"uin":"4000000002"}"""));
        Assert.False(_stack.Signatures.ValidateData("garbage", "x"));

        // Signed by some other key, even a managed one: not a KERNEL/SIGN signature.
        var other = _stack.Signatures.Sign("IDA", "X", "data"u8, new JwsSignOptions { IncludePayload = false });
        Assert.False(_stack.Signatures.ValidateData(other, "data"));
    }

    [Fact]
    public void Signing_with_an_algorithm_the_key_cannot_do_is_KER_KMS_020()
    {
        Assert.Equal("KER-KMS-020", Assert.Throws<KeysException>(() =>
            _stack.Signatures.Sign("IDA", "RSA-KEY", Claims, new JwsSignOptions { Algorithm = "ES256" })).Error.Code);
        Assert.Equal("KER-KMS-020", Assert.Throws<KeysException>(() =>
            _stack.Signatures.Sign("IDA", "RSA-KEY", Claims, new JwsSignOptions { Algorithm = "HS256" })).Error.Code);
    }

    private static object VerificationKey(X509Certificate2 certificate) =>
        (object?)certificate.GetRSAPublicKey() ?? certificate.GetECDsaPublicKey()!;

    public void Dispose()
    {
        _stack.Dispose();
        _directory.Dispose();
    }
}
