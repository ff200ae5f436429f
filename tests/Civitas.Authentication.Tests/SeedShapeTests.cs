using System.Text;
using System.Text.Json;

namespace Civitas.Authentication.Tests;

/// <summary>The seed's v1.0 routes: tspID + licenseKey, clear request, signed body, status Y/N with err[] and staticToken.</summary>
public sealed class SeedShapeTests(IdaFixture fixture) : IClassFixture<IdaFixture>
{
    [Fact]
    public async Task V1_auth_answers_Y_with_a_static_token_or_N_with_the_code()
    {
        var uin = await fixture.CreateResidentAsync(Residents.Amina(Residents.NewPhone()));

        var ok = await SendAsync(Body(uin, "Amina Diallo", Residents.Pin), sign: true);
        var wrong = await SendAsync(Body(uin, "Someone Else", Residents.Pin), sign: true);
        var unsigned = await SendAsync(Body(uin, "Amina Diallo", Residents.Pin), sign: false);

        Assert.Equal("Y", ok.Json.GetProperty("status").GetString());
        Assert.Empty(ok.Json.GetProperty("err").EnumerateArray());
        Assert.False(string.IsNullOrEmpty(ok.Json.GetProperty("staticToken").GetString()));
        Assert.True(ok.SignatureVerifies(fixture.IdaSigningCertificate));
        Assert.Equal("N", wrong.Json.GetProperty("status").GetString());
        Assert.Equal("IDA-DEA-001", wrong.Json.GetProperty("err")[0].GetProperty("code").GetString());
        Assert.Equal("IDA-MLC-006", unsigned.Json.GetProperty("err")[0].GetProperty("code").GetString());
    }

    private byte[] Body(string uin, string name, string pin) => JsonSerializer.SerializeToUtf8Bytes(new
    {
        id = "mosip.identity.auth",
        tspID = fixture.Full.PartnerId,
        licenseKey = fixture.Full.LicenseKey,
        transactionID = IdaCalls.NewTransactionId(),
        requestTime = DateTimeOffset.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fffzzz", System.Globalization.CultureInfo.InvariantCulture),
        requestedAuth = new { demo = true, pin = true, bio = false, otp = false },
        request = new
        {
            identity = new { UIN = uin, name = new[] { new { language = "eng", value = name } } },
            otherFactors = new { spin = pin },
        },
    });

    private async Task<IdaAnswer> SendAsync(byte[] body, bool sign) =>
        await IdaCalls.SendRawAsync(fixture.Host.Client, "/identity/auth/v1.0", body, sign ? IdaCalls.Sign(fixture.Full, body) : null);
}
