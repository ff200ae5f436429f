using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Jose;
using Base64Url = System.Buffers.Text.Base64Url;

namespace Civitas.Authentication.Client.Tests;

/// <summary>The detached JWS of the <c>signature</c> and <c>response-signature</c> headers, checked against jose-jwt.</summary>
public sealed class JwsTests
{
    private static readonly byte[] Body = Encoding.UTF8.GetBytes("""{"id":"mosip.identity.auth","individualId":"2345678901"}""");

    [Fact]
    public void Signature_is_detached_rs256_with_the_certificate_in_x5c()
    {
        var jws = IdaRequestCrypto.SignDetached(Body, TestKeys.Partner);

        var parts = jws.Split('.');
        Assert.Equal(3, parts.Length);
        Assert.Empty(parts[1]);
        using var header = JsonDocument.Parse(Base64Url.DecodeFromChars(parts[0]));
        Assert.Equal("RS256", header.RootElement.GetProperty("alg").GetString());
        Assert.Equal(Convert.ToBase64String(TestKeys.Partner.RawData), header.RootElement.GetProperty("x5c")[0].GetString());
    }

    [Fact]
    public void Jose_jwt_verifies_our_signature_over_the_detached_body()
    {
        var jws = IdaRequestCrypto.SignDetached(Body, TestKeys.Partner);

        using var key = TestKeys.Partner.GetRSAPublicKey()!;
        Assert.Equal(Body, JWT.DecodeBytes(jws, key, JwsAlgorithm.RS256, payload: Body));
        Assert.ThrowsAny<Exception>(() => JWT.DecodeBytes(jws, key, JwsAlgorithm.RS256, payload: [.. Body, (byte)' ']));
    }

    [Fact]
    public void We_verify_a_detached_jws_made_by_jose_jwt_and_name_its_signer()
    {
        using var key = TestKeys.Ida.GetRSAPrivateKey()!;
        var headers = new Dictionary<string, object> { ["x5c"] = new[] { Convert.ToBase64String(TestKeys.Ida.RawData) } };
        var jws = JWT.EncodeBytes(Body, key, JwsAlgorithm.RS256, headers, options: new JwtOptions { DetachPayload = true });

        Assert.True(IdaRequestCrypto.VerifyDetached(jws, Body, out var signer));
        Assert.Equal(TestKeys.Ida.RawData, signer!.RawData);
    }

    [Fact]
    public void Round_trip_verifies_and_any_change_to_body_or_signature_fails()
    {
        var jws = IdaRequestCrypto.SignDetached(Body, TestKeys.Partner);

        Assert.True(IdaRequestCrypto.VerifyDetached(jws, Body, out _));
        var changedBody = (byte[])Body.Clone();
        changedBody[10] ^= 1;
        Assert.False(IdaRequestCrypto.VerifyDetached(jws, changedBody, out var noSigner));
        Assert.Null(noSigner);
        var signature = Base64Url.DecodeFromChars(jws.AsSpan(jws.LastIndexOf('.') + 1));
        signature[0] ^= 1;
        Assert.False(IdaRequestCrypto.VerifyDetached(jws[..(jws.LastIndexOf('.') + 1)] + Base64Url.EncodeToString(signature), Body, out _));
    }

    [Fact]
    public void A_header_naming_another_certificate_fails()
    {
        var jws = IdaRequestCrypto.SignDetached(Body, TestKeys.Partner);
        var parts = jws.Split('.');
        var header = Header(alg: "RS256", TestKeys.Ida.RawData, null);

        Assert.False(IdaRequestCrypto.VerifyDetached($"{header}..{parts[2]}", Body, out _));
    }

    [Fact]
    public void Alg_none_hs256_and_a_wrong_x5t_fail()
    {
        var jws = IdaRequestCrypto.SignDetached(Body, TestKeys.Partner);
        var signature = jws.Split('.')[2];

        Assert.False(IdaRequestCrypto.VerifyDetached($"{Header("none", TestKeys.Partner.RawData, null)}..", Body, out _));
        Assert.False(IdaRequestCrypto.VerifyDetached($"{Header("HS256", TestKeys.Partner.RawData, null)}..{signature}", Body, out _));
        Assert.False(IdaRequestCrypto.VerifyDetached($"{Header("RS256", TestKeys.Partner.RawData, "AAAA")}..{signature}", Body, out _));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("a.b")]
    [InlineData("a.b.c.d")]
    [InlineData("!!!..???")]
    [InlineData("e30..AAAA")] // {} header
    [InlineData("bnVsbA..AAAA")] // null header
    [InlineData("eyJhbGciOiJSUzI1NiIsIng1YyI6WyJub3QgYSBjZXJ0Il19..AAAA")] // x5c not a certificate
    [InlineData("eyJhbGciOiJSUzI1NiIsIng1YyI6WzFdfQ..AAAA")] // x5c of numbers
    [InlineData("eyJhbGciOiJSUzI1NiJ9..AAAA")] // no x5c
    public void Malformed_input_is_not_valid_and_does_not_throw(string jws)
    {
        Assert.False(IdaRequestCrypto.VerifyDetached(jws, Body, out var signer));
        Assert.Null(signer);
    }

    [Fact]
    public void An_attached_payload_must_be_the_body()
    {
        using var key = TestKeys.Partner.GetRSAPrivateKey()!;
        var headers = new Dictionary<string, object> { ["x5c"] = new[] { Convert.ToBase64String(TestKeys.Partner.RawData) } };
        var attached = JWT.EncodeBytes(Body, key, JwsAlgorithm.RS256, headers);

        Assert.True(IdaRequestCrypto.VerifyDetached(attached, Body, out _));
        Assert.False(IdaRequestCrypto.VerifyDetached(attached, Encoding.UTF8.GetBytes("{}"), out _));
    }

    private static string Header(string alg, byte[] certificate, string? x5t)
    {
        var header = new Dictionary<string, object> { ["alg"] = alg, ["x5c"] = new[] { Convert.ToBase64String(certificate) } };
        if (x5t is not null)
        {
            header["x5t#S256"] = x5t;
        }

        return Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(header));
    }
}
