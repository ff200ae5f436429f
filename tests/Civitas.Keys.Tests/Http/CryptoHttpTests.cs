using System.Security.Cryptography;
using Civitas.Keys.Encryption;
using Civitas.Keys.Tests.Support;

namespace Civitas.Keys.Tests.Http;

public sealed class CryptoHttpTests : IClassFixture<KeysHostFixture>
{
    private readonly KeysHostFixture _fixture;

    public CryptoHttpTests(KeysHostFixture fixture) => _fixture = fixture;

    private HttpClient Client => _fixture.Keys;

    [Theory]
    [InlineData("/v1/keymanager", null, null)]
    [InlineData("/v1/cryptomanager", null, "YWFk")]
    [InlineData("/v1/keymanager", "c2FsdHNhbHRzYWx0", "YWFk")]
    public async Task Encrypt_and_decrypt_round_trip_on_both_paths(string prefix, string? salt, string? aad)
    {
        var plaintext = RandomNumberGenerator.GetBytes(300);
        var encrypted = (await MosipCall.PostAsync(Client, prefix + "/encrypt", new
        {
            applicationId = "REGISTRATION",
            referenceId = "CENTRE-9",
            timeStamp = "2026-11-24T05:00:00.000Z",
            data = Base64Input.EncodeUrl(plaintext),
            salt,
            aad,
        })).Response().Text("data");
        Assert.DoesNotContain('=', encrypted);
        Assert.DoesNotContain('+', encrypted);

        // The same ciphertext sent as standard base64 must open too.
        Assert.True(Base64Input.TryDecode(encrypted, out var raw));
        foreach (var form in new[] { encrypted, Convert.ToBase64String(raw) })
        {
            var decrypted = (await MosipCall.PostAsync(Client, prefix + "/decrypt", new
            {
                applicationId = "REGISTRATION",
                referenceId = "CENTRE-9",
                timeStamp = "2026-11-24T05:00:00.000Z",
                data = form,
                salt,
                aad,
            })).Response().Text("data");
            Assert.True(Base64Input.TryDecode(decrypted, out var opened));
            Assert.Equal(plaintext, opened);
        }
    }

    [Fact]
    public async Task Node_encrypted_data_opens_through_the_route()
    {
        var pem = (await MosipCall.GetAsync(Client, "/v1/keymanager/getCertificate?applicationId=IDA&referenceId=INTERNAL")).Response().Text("certificate");
        var aad = "binding"u8.ToArray();
        var ciphertext = NodeMosipEnvelope.Encrypt(pem, "from node"u8.ToArray(), aad: aad);
        var decrypted = (await MosipCall.PostAsync(Client, "/v1/keymanager/decrypt", new
        {
            applicationId = "IDA",
            referenceId = "INTERNAL",
            data = ciphertext,
            aad = Convert.ToBase64String(aad),
        })).Response().Text("data");
        Assert.True(Base64Input.TryDecode(decrypted, out var opened));
        Assert.Equal("from node"u8.ToArray(), opened);
    }

    [Fact]
    public async Task Bad_input_gets_its_error_code_and_never_a_500()
    {
        var encrypted = (await MosipCall.PostAsync(Client, "/v1/keymanager/encrypt", new { applicationId = "KERNEL", referenceId = "E1", data = "aGVsbG8" })).Response().Text("data");
        Assert.True(Base64Input.TryDecode(encrypted, out var raw));

        Task<string> Decrypt(object request) => MosipCall.PostAsync(Client, "/v1/keymanager/decrypt", request).ContinueWith(t => t.Result.ErrorCode(), TaskScheduler.Default);

        Assert.Equal("KER-CRY-003", await Decrypt(new { applicationId = "KERNEL", referenceId = "E1", data = "%%%not-base64%%%" }));
        Assert.Equal("KER-CRY-004", await Decrypt(new { applicationId = "KERNEL", referenceId = "E1" }));
        Assert.Equal("KER-CRY-004", await Decrypt(new { referenceId = "E1", data = encrypted }));
        Assert.Equal("KER-CRY-003", await Decrypt(new { applicationId = "KERNEL", referenceId = "E1", data = Base64Input.EncodeUrl(raw.AsSpan(0, raw.Length - 5)) }));
        var tampered = (byte[])raw.Clone();
        tampered[^3] ^= 0x10;
        Assert.Equal("KER-CRY-003", await Decrypt(new { applicationId = "KERNEL", referenceId = "E1", data = Base64Input.EncodeUrl(tampered) }));
        var wrongThumbprint = (byte[])raw.Clone();
        wrongThumbprint[10] ^= 0x10;
        Assert.Equal("KER-KMS-025", await Decrypt(new { applicationId = "KERNEL", referenceId = "E1", data = Base64Input.EncodeUrl(wrongThumbprint) }));
        Assert.Equal("KER-KMS-024", await Decrypt(new { applicationId = "KERNEL", referenceId = "E2", data = encrypted }));
        Assert.Equal("KER-CRY-003", await Decrypt(new { applicationId = "KERNEL", referenceId = "E1", data = Base64Input.EncodeUrl("no splitter at all"u8) }));
        Assert.Equal("KER-CRY-007", await Decrypt(new { applicationId = "KERNEL", referenceId = "E1", data = encrypted, timeStamp = "yesterday" }));
        Assert.Equal("KER-CRY-999", (await MosipCall.RawPostAsync(Client, "/v1/keymanager/decrypt", "{\"request\": 5}")).ErrorCode());
        Assert.Equal("KER-CRY-999", (await MosipCall.RawPostAsync(Client, "/v1/cryptomanager/decrypt", "{\"id\":\"x\"}")).ErrorCode());
    }
}
