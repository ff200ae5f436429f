using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Civitas.Authentication.Client;
using Civitas.Keys.Management;
using Civitas.Partners;
using Microsoft.Extensions.DependencyInjection;

namespace Civitas.Authentication.Tests;

/// <summary>The internal routes: authentication for Civitas services and the transactions query.</summary>
public sealed class TransactionsAndInternalTests(IdaFixture fixture) : IClassFixture<IdaFixture>
{
    [Fact]
    public async Task Transactions_list_the_attempts_newest_first_without_factor_values()
    {
        var phone = Residents.NewPhone();
        var uin = await fixture.CreateResidentAsync(Residents.Amina(phone));
        var vid = await fixture.IssueVidAsync(uin);
        var otpTransaction = IdaCalls.NewTransactionId();
        await IdaCalls.SendAsync(fixture.Host.Client, fixture.Full, "otp", IdaCalls.OtpBody(uin, otpTransaction));
        var otp = fixture.LastOtpSentTo(phone);
        var wrongPin = await IdaCalls.AuthAsync(fixture.Host.Client, fixture.Full, new IdaAuthRequest { IndividualId = uin, StaticPin = "909090" });
        var demo = await IdaCalls.AuthAsync(fixture.Host.Client, fixture.Full, IdaCalls.Demo(vid, "Amina Diallo") with { IndividualIdType = "VID" });

        using var response = await fixture.Internal.GetAsync($"/idauthentication/v1/internal/authTransactions/individualId/{uin}?pageStart=0&pageFetch=10");
        var text = await response.Content.ReadAsStringAsync();
        using var anonymous = await fixture.Host.Client.GetAsync($"/idauthentication/v1/internal/authTransactions/individualId/{uin}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        var list = JsonDocument.Parse(text).RootElement.GetProperty("response").GetProperty("authTransactions");
        Assert.Equal(3, list.GetArrayLength());
        Assert.Equal(demo.Json.GetProperty("transactionID").GetString(), list[0].GetProperty("transactionID").GetString());
        Assert.Equal("Y", list[0].GetProperty("statusCode").GetString());
        Assert.Equal("VID", list[0].GetProperty("referenceIdType").GetString());
        Assert.Equal(wrongPin.Json.GetProperty("transactionID").GetString(), list[1].GetProperty("transactionID").GetString());
        Assert.Equal("N", list[1].GetProperty("statusCode").GetString());
        Assert.Equal("IDA-SPA-001", list[1].GetProperty("statusComment").GetString());
        Assert.Equal(otpTransaction, list[2].GetProperty("transactionID").GetString());
        Assert.DoesNotContain("909090", text, StringComparison.Ordinal);
        Assert.DoesNotContain(otp, text, StringComparison.Ordinal);
        Assert.DoesNotContain(uin, text, StringComparison.Ordinal);
        Assert.DoesNotContain("Amina", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Internal_auth_takes_a_bearer_token_and_the_internal_key()
    {
        var uin = await fixture.CreateResidentAsync(Residents.Amina(Residents.NewPhone()));
        var internalCertificate = X509Certificate2.CreateFromPem(fixture.Host.Services.GetRequiredService<IKeyManager>().GetCertificate(IdaKeys.ApplicationId, IdaKeys.InternalReference).CertificatePem);
        var body = IdaRequestBuilder.AuthBody(IdaCalls.Demo(uin, "Amina Diallo"), IdaCalls.NewTransactionId(), DateTimeOffset.UtcNow, internalCertificate, "https://civitas.internal");
        var partnerKeyBody = IdaCalls.AuthBody(fixture.Full, IdaCalls.Demo(uin, "Amina Diallo"));

        var ok = await PostAsync(fixture.Internal, body);
        var wrongKey = await PostAsync(fixture.Internal, partnerKeyBody);
        using var anonymous = await fixture.Host.Client.PostAsync("/idauthentication/v1/internal/auth", new ByteArrayContent(body));

        Assert.True(ok.AuthStatus, ok.ErrorMessage);
        Assert.True(ok.SignatureVerifies(fixture.IdaSigningCertificate));
        Assert.Equal("IDA-MPA-003", wrongKey.ErrorCode);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
    }

    private static async Task<IdaAnswer> PostAsync(HttpClient client, byte[] body)
    {
        using var content = new ByteArrayContent(body);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        using var response = await client.PostAsync("/idauthentication/v1/internal/auth", content);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var header = response.Headers.TryGetValues("response-signature", out var values) ? values.Single() : null;
        Assert.True(response.StatusCode == HttpStatusCode.OK, Encoding.UTF8.GetString(bytes));
        return new IdaAnswer((int)response.StatusCode, JsonDocument.Parse(bytes).RootElement.Clone(), header, bytes);
    }
}
