using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Civitas.Authentication.Client.Tests;

/// <summary><see cref="IdaRequestCrypto.Seal"/> opened the way the server must open it (REFERENCE section 7).</summary>
public sealed class SealTests
{
    private static readonly byte[] Json = Encoding.UTF8.GetBytes("""{"timestamp":"2026-11-24T06:00:00.000Z","demographics":{"name":[{"language":"eng","value":"Ann Lee"}]}}""");

    [Fact]
    public void Request_session_key_and_hmac_open_with_the_ida_private_key()
    {
        var sealedRequest = IdaRequestCrypto.Seal(Json, TestKeys.Ida);

        using var idaKey = TestKeys.Ida.GetRSAPrivateKey()!;
        var key = ReferenceOpener.UnwrapKey(idaKey, sealedRequest.RequestSessionKey);
        Assert.Equal(32, key.Length);
        Assert.Equal(Json, ReferenceOpener.OpenAppendedNonce(key, sealedRequest.Request));
        var hmac = Encoding.ASCII.GetString(ReferenceOpener.OpenAppendedNonce(key, sealedRequest.RequestHmac));
        Assert.Equal(Convert.ToHexString(SHA256.HashData(Json)), hmac);
        Assert.Matches("^[0-9A-F]{64}$", hmac);
    }

    [Fact]
    public void Thumbprint_is_sha256_of_the_certificate_der_in_hex_and_base64url()
    {
        var sealedRequest = IdaRequestCrypto.Seal(Json, TestKeys.Ida);

        var expected = SHA256.HashData(TestKeys.Ida.RawData);
        Assert.Equal(Convert.ToHexString(expected), sealedRequest.ThumbprintHex);
        Assert.Equal(Base64Url.EncodeToString(expected), sealedRequest.ThumbprintBase64Url);
    }

    [Fact]
    public void Layout_is_ciphertext_tag_then_a_16_byte_nonce_and_base64url_without_padding()
    {
        var sealedRequest = IdaRequestCrypto.Seal(Json, TestKeys.Ida);

        Assert.Equal(Json.Length + 16 + 16, Base64Url.DecodeFromChars(sealedRequest.Request).Length);
        Assert.Equal(64 + 16 + 16, Base64Url.DecodeFromChars(sealedRequest.RequestHmac).Length);
        Assert.Equal(256, Base64Url.DecodeFromChars(sealedRequest.RequestSessionKey).Length);
        foreach (var part in new[] { sealedRequest.Request, sealedRequest.RequestHmac, sealedRequest.RequestSessionKey })
        {
            Assert.DoesNotMatch("[+/=]", part);
        }
    }

    [Fact]
    public void Every_seal_uses_a_fresh_key_and_nonces()
    {
        var first = IdaRequestCrypto.Seal(Json, TestKeys.Ida);
        var second = IdaRequestCrypto.Seal(Json, TestKeys.Ida);

        using var idaKey = TestKeys.Ida.GetRSAPrivateKey()!;
        Assert.NotEqual(ReferenceOpener.UnwrapKey(idaKey, first.RequestSessionKey), ReferenceOpener.UnwrapKey(idaKey, second.RequestSessionKey));
        Assert.NotEqual(first.Request, second.Request);
        Assert.NotEqual(first.RequestHmac, second.RequestHmac);
    }

    [Fact]
    public void A_sealed_request_does_not_open_with_another_key()
    {
        var sealedRequest = IdaRequestCrypto.Seal(Json, TestKeys.Ida);

        using var otherKey = TestKeys.Partner.GetRSAPrivateKey()!;
        Assert.ThrowsAny<CryptographicException>(() => ReferenceOpener.UnwrapKey(otherKey, sealedRequest.RequestSessionKey));
    }

    [Fact]
    public void Kyc_identity_sealed_by_the_reference_opens_and_alterations_are_refused()
    {
        var identity = Encoding.UTF8.GetBytes("""{"fullName":[{"language":"eng","value":"Ann Lee"}],"email":"ann@example.org"}""");
        var key = RandomNumberGenerator.GetBytes(32);
        using var partnerPublic = TestKeys.Partner.GetRSAPublicKey()!;
        var sessionKey = Base64Url.EncodeToString(partnerPublic.Encrypt(key, RSAEncryptionPadding.OaepSHA256));
        var sealedIdentity = ReferenceOpener.SealAppendedNonce(key, identity);
        using var partnerKey = TestKeys.Partner.GetRSAPrivateKey()!;

        Assert.Equal(identity, IdaRequestCrypto.OpenKycIdentity(sealedIdentity, sessionKey, partnerKey));

        var altered = Base64Url.DecodeFromChars(sealedIdentity);
        altered[5] ^= 1;
        var error = Assert.ThrowsAny<CryptographicException>(() => IdaRequestCrypto.OpenKycIdentity(Base64Url.EncodeToString(altered), sessionKey, partnerKey));
        Assert.Contains("altered", error.Message, StringComparison.Ordinal);
        Assert.ThrowsAny<CryptographicException>(() => IdaRequestCrypto.OpenKycIdentity("not base64url!", sessionKey, partnerKey));
        Assert.ThrowsAny<CryptographicException>(() => IdaRequestCrypto.OpenKycIdentity(sealedIdentity[..20], sessionKey, partnerKey));
        using var idaKey = TestKeys.Ida.GetRSAPrivateKey()!;
        Assert.ThrowsAny<CryptographicException>(() => IdaRequestCrypto.OpenKycIdentity(sealedIdentity, sessionKey, idaKey));
    }
}
