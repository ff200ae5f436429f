using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json;
using Civitas.Authentication.Client;

namespace Civitas.Authentication.Tests;

/// <summary>eKYC: the identity opens with the partner's private key and holds exactly policy ∩ requested attributes.</summary>
public sealed class KycTests(IdaFixture fixture) : IClassFixture<IdaFixture>
{
    [Fact]
    public async Task Kyc_identity_holds_exactly_the_attributes_policy_and_request_both_allow()
    {
        var uin = await fixture.CreateResidentAsync(Residents.Amina(Residents.NewPhone()));
        var partner = fixture.Kyc;
        // The policy allows fullName, email, dateOfBirth; the request asks for fullName, phone, email.
        var body = IdaCalls.AuthBody(partner, IdaCalls.Demo(uin, "Amina Diallo"), kycAttributes: ["fullName", "phone", "email"]);

        var answer = await IdaCalls.SendAsync(fixture.Host.Client, partner, "kyc", body);

        Assert.Null(answer.ErrorCode);
        Assert.True(answer.SignatureVerifies(fixture.IdaSigningCertificate));
        var response = answer.Json.GetProperty("response");
        Assert.True(response.GetProperty("kycStatus").GetBoolean());
        Assert.False(string.IsNullOrEmpty(response.GetProperty("authToken").GetString()));
        Assert.Equal(Convert.ToHexString(SHA256.HashData(partner.Certificate.RawData)), response.GetProperty("thumbprint").GetString());
        using var key = partner.Certificate.GetRSAPrivateKey()!;
        var identity = JsonDocument.Parse(IdaRequestCrypto.OpenKycIdentity(response.GetProperty("identity").GetString()!, response.GetProperty("sessionKey").GetString()!, key)).RootElement;
        Assert.Equal(["email", "fullName"], identity.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("amina.diallo@example.org", identity.GetProperty("email").GetString());
        Assert.Equal("Amina Diallo", identity.GetProperty("fullName")[0].GetProperty("value").GetString());
    }

    [Fact]
    public async Task Kyc_with_a_failing_factor_hands_out_nothing()
    {
        var uin = await fixture.CreateResidentAsync(Residents.Amina(Residents.NewPhone()));
        var partner = fixture.Kyc;

        var answer = await IdaCalls.SendAsync(fixture.Host.Client, partner, "kyc", IdaCalls.AuthBody(partner, IdaCalls.Demo(uin, "Someone Else"), kycAttributes: ["fullName"]));

        Assert.Equal("IDA-DEA-001", answer.ErrorCode);
        var response = answer.Json.GetProperty("response");
        Assert.False(response.GetProperty("kycStatus").GetBoolean());
        Assert.False(response.TryGetProperty("identity", out _));
    }
}
