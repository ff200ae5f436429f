using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Civitas.Keys.Encryption;
using Civitas.Keys.Tests.Support;

namespace Civitas.Keys.Tests.Encryption;

public sealed class CryptoServiceTests : IDisposable
{
    private const string App = "REGISTRATION";
    private const string Ref = "CENTER-1";

    private readonly TempDirectory _directory = new();
    private readonly KeysStack _stack;

    public CryptoServiceTests() => _stack = new KeysStack(StoreKind.Software, _directory.File("keys.db"), RandomNumberGenerator.GetBytes(32));

    public static TheoryData<string> Cases => new() { "neither", "aad", "salt12", "salt32", "salt+aad" };

    private static (byte[]? Salt, byte[]? Aad) Inputs(string kind) => kind switch
    {
        "aad" => (null, RandomNumberGenerator.GetBytes(20)),
        "salt12" => (RandomNumberGenerator.GetBytes(12), null),
        "salt32" => (RandomNumberGenerator.GetBytes(32), null),
        "salt+aad" => (RandomNumberGenerator.GetBytes(16), RandomNumberGenerator.GetBytes(7)),
        _ => (null, null),
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Encrypt_then_decrypt_round_trips_in_every_salt_and_aad_case(string kind)
    {
        var (salt, aad) = Inputs(kind);
        foreach (var length in new[] { 0, 1, 15, 16, 17, 1000 })
        {
            var plaintext = RandomNumberGenerator.GetBytes(length);
            var ciphertext = _stack.Crypto.Encrypt(App, Ref, plaintext, salt, aad);
            Assert.Equal(plaintext, _stack.Crypto.Decrypt(App, Ref, ciphertext, salt, aad));
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Ciphertext_layout_matches_the_reference(string kind)
    {
        var (salt, aad) = Inputs(kind);
        var certificate = _stack.Keys.GetCertificate(App, Ref);
        var ciphertext = _stack.Crypto.Encrypt(App, Ref, "layout"u8, salt, aad);
        var split = ciphertext.AsSpan().IndexOf("#KEY_SPLITTER#"u8);
        var versioned = kind == "neither";
        Assert.Equal(versioned ? 6 + 32 + 256 : 32 + 256, split);
        Assert.Equal(versioned, ciphertext.AsSpan().StartsWith("VER_R2"u8));
        var thumbprint = ciphertext.AsSpan(versioned ? 6 : 0, 32).ToArray();
        Assert.Equal(certificate.Thumbprint, Convert.ToHexStringLower(thumbprint));
        var dataLength = ciphertext.Length - split - 14;
        var expected = kind switch
        {
            "neither" => 32 + 6 + 16,
            "aad" => 6 + 16 + 16,
            _ => 6 + 16,
        };
        Assert.Equal(expected, dataLength);
    }

    [Fact]
    public void Test_side_encoder_output_opens_with_decrypt()
    {
        using var certificate = X509Certificate2.CreateFromPem(_stack.Keys.GetCertificate(App, Ref).CertificatePem);
        using var publicKey = certificate.GetRSAPublicKey()!;
        var versioned = MosipTestEncoder.EncryptVersioned(publicKey, certificate.RawData, "versioned"u8.ToArray());
        Assert.Equal("versioned"u8.ToArray(), _stack.Crypto.Decrypt(App, Ref, versioned));

        var salt = RandomNumberGenerator.GetBytes(12);
        var aad = "associated"u8.ToArray();
        var salted = MosipTestEncoder.EncryptWithSalt(publicKey, certificate.RawData, "salted"u8.ToArray(), salt, aad);
        Assert.Equal("salted"u8.ToArray(), _stack.Crypto.Decrypt(App, Ref, salted, salt, aad));

        // Legacy input: no thumbprint, the key is found by the time of encryption.
        var legacy = MosipTestEncoder.EncryptVersioned(publicKey, certificate.RawData, "legacy"u8.ToArray(), withThumbprint: false);
        Assert.Equal("legacy"u8.ToArray(), _stack.Crypto.Decrypt(App, Ref, legacy, timestamp: DateTime.UtcNow));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Node_encoder_output_opens_with_decrypt(string kind)
    {
        var (salt, aad) = Inputs(kind);
        var pem = _stack.Keys.GetCertificate(App, Ref).CertificatePem;
        var plaintext = RandomNumberGenerator.GetBytes(333);
        var ciphertext = NodeMosipEnvelope.Encrypt(pem, plaintext, salt, aad);
        Assert.True(Base64Input.TryDecode(ciphertext, out var bytes));
        Assert.Equal(plaintext, _stack.Crypto.Decrypt(App, Ref, bytes, salt, aad));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Encrypt_output_decodes_with_node_and_the_test_decoder_using_an_outside_key(string kind)
    {
        // Encrypt to another domain's certificate whose private key only the test holds.
        using var outsideKey = RSA.Create(2048);
        using var caKey = RSA.Create(2048);
        using var ca = TestCertificates.SelfSignedCa("Other domain CA", caKey);
        using var outsideCertificate = TestCertificates.Issue(ca, "CN=other domain", outsideKey);
        _stack.Keys.UploadOtherDomainCertificate("IDA", "OTHER-" + kind, outsideCertificate.ExportCertificatePem());

        var (salt, aad) = Inputs(kind);
        var plaintext = RandomNumberGenerator.GetBytes(100);
        var ciphertext = _stack.Crypto.Encrypt("IDA", "OTHER-" + kind, plaintext, salt, aad);
        var (opened, versioned, thumbprint) = NodeMosipEnvelope.Decrypt(outsideKey.ExportPkcs8PrivateKeyPem(), Base64Input.EncodeUrl(ciphertext), salt, aad);
        Assert.Equal(plaintext, opened);
        Assert.Equal(kind == "neither", versioned);
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(outsideCertificate.RawData)), thumbprint);
        if (kind == "neither")
        {
            var (testOpened, testThumbprint) = MosipTestEncoder.DecryptVersioned(outsideKey, ciphertext);
            Assert.Equal(plaintext, testOpened);
            Assert.Equal(SHA256.HashData(outsideCertificate.RawData), testThumbprint);
        }

        // We hold no private key for another domain: decrypting there is refused, not attempted.
        Assert.Equal("KER-KMS-018", Assert.Throws<KeysException>(() => _stack.Crypto.Decrypt("IDA", "OTHER-" + kind, ciphertext, salt, aad)).Error.Code);
    }

    [Fact]
    public void Unknown_thumbprint_is_KER_KMS_025_and_another_applications_key_is_KER_KMS_024()
    {
        var ciphertext = _stack.Crypto.Encrypt(App, Ref, "x"u8);
        var unknown = (byte[])ciphertext.Clone();
        RandomNumberGenerator.Fill(unknown.AsSpan(6, 32));
        Assert.Equal("KER-KMS-025", Code(() => _stack.Crypto.Decrypt(App, Ref, unknown)));
        Assert.Equal("KER-KMS-024", Code(() => _stack.Crypto.Decrypt("IDA", Ref, ciphertext)));
    }

    [Fact]
    public void Tampered_truncated_or_split_less_data_is_refused_with_its_code()
    {
        var aad = "aad"u8.ToArray();
        var ciphertext = _stack.Crypto.Encrypt(App, Ref, "integrity matters"u8, aad: aad);

        var flippedData = (byte[])ciphertext.Clone();
        flippedData[^20] ^= 1;
        Assert.Equal("KER-CRY-003", Code(() => _stack.Crypto.Decrypt(App, Ref, flippedData, aad: aad)));

        var flippedKey = (byte[])ciphertext.Clone();
        flippedKey[100] ^= 1;
        Assert.Equal("KER-KMS-019", Code(() => _stack.Crypto.Decrypt(App, Ref, flippedKey, aad: aad)));

        Assert.Equal("KER-CRY-003", Code(() => _stack.Crypto.Decrypt(App, Ref, ciphertext.AsSpan(0, ciphertext.Length - 30).ToArray(), aad: aad)));
        Assert.Equal("KER-CRY-003", Code(() => _stack.Crypto.Decrypt(App, Ref, ciphertext, aad: "other"u8.ToArray())));
        Assert.Equal("KER-CRY-003", Code(() => _stack.Crypto.Decrypt(App, Ref, "no splitter here"u8.ToArray())));
        Assert.Equal("KER-CRY-003", Code(() => _stack.Crypto.Decrypt(App, Ref, ciphertext.AsSpan(0, 300).ToArray(), aad: aad)));
    }

    [Fact]
    public void Legacy_ciphertext_for_a_foreign_key_is_KER_KMS_019()
    {
        using var stranger = RSA.Create(2048);
        _stack.Keys.GetCertificate(App, Ref);
        var legacy = MosipTestEncoder.EncryptVersioned(stranger, [], "x"u8.ToArray(), withThumbprint: false);
        Assert.Equal("KER-KMS-019", Code(() => _stack.Crypto.Decrypt(App, Ref, legacy)));
    }

    [Fact]
    public void Base64_and_base64url_input_are_both_accepted_and_garbage_is_not()
    {
        var bytes = RandomNumberGenerator.GetBytes(200);
        Assert.True(Base64Input.TryDecode(Convert.ToBase64String(bytes), out var fromStandard));
        Assert.Equal(bytes, fromStandard);
        Assert.True(Base64Input.TryDecode(Base64Input.EncodeUrl(bytes), out var fromUrl));
        Assert.Equal(bytes, fromUrl);
        Assert.True(Base64Input.TryDecode(Base64Input.EncodeUrl(bytes) + "==".Substring(0, (4 - (Base64Input.EncodeUrl(bytes).Length % 4)) % 4), out var padded));
        Assert.Equal(bytes, padded);
        Assert.False(Base64Input.TryDecode("***not base64***", out _));
        Assert.False(Base64Input.TryDecode("", out _));
    }

    private static string Code(Action action) => Assert.Throws<KeysException>(action).Error.Code;

    public void Dispose()
    {
        _stack.Dispose();
        _directory.Dispose();
    }
}
