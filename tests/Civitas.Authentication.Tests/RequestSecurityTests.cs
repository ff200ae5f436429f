using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Civitas.Authentication.Client;

namespace Civitas.Authentication.Tests;

/// <summary>
/// The request security steps in order: partner credentials, signature, request time, replay, decryption and HMAC;
/// malformed and oversized input. None is a 500 and every answer is signed.
/// </summary>
public sealed class RequestSecurityTests(IdaFixture fixture) : IClassFixture<IdaFixture>
{
    private HttpClient Client => fixture.Host.Client;

    private async Task<string> ResidentAsync() => await fixture.CreateResidentAsync(Residents.Amina(Residents.NewPhone()));

    [Fact]
    public async Task Unknown_licence_partner_or_api_key_is_refused_before_any_identity_lookup()
    {
        var uin = await ResidentAsync();
        var partner = fixture.Full;
        var body = IdaCalls.AuthBody(partner, IdaCalls.Demo(uin, "Amina Diallo"));
        var signature = IdaCalls.Sign(partner, body);

        var badLicence = await IdaCalls.SendRawAsync(Client, $"/idauthentication/v1/auth/NOPE{partner.LicenseKey}/{partner.PartnerId}/{partner.ApiKey}", body, signature);
        var badPartner = await IdaCalls.SendRawAsync(Client, $"/idauthentication/v1/auth/{partner.LicenseKey}/nobody/{partner.ApiKey}", body, signature);
        var badKey = await IdaCalls.SendRawAsync(Client, $"/idauthentication/v1/auth/{partner.LicenseKey}/{partner.PartnerId}/wrong-key", body, signature);
        var unknownUinBadKey = await IdaCalls.SendRawAsync(Client, $"/idauthentication/v1/auth/{partner.LicenseKey}/{partner.PartnerId}/wrong-key",
            IdaCalls.AuthBody(partner, IdaCalls.Demo("2345678901", "X")), signature);

        Assert.StartsWith("IDA-MPA-", badLicence.ErrorCode, StringComparison.Ordinal);
        Assert.Equal("IDA-MPA-009", badPartner.ErrorCode);
        Assert.Equal("IDA-MPA-009", badKey.ErrorCode);
        // Whether the identity exists makes no difference to a refused partner.
        Assert.Equal(badKey.ErrorCode, unknownUinBadKey.ErrorCode);
        Assert.Equal(badKey.ErrorMessage, unknownUinBadKey.ErrorMessage);
        Assert.All(new[] { badLicence, badPartner, badKey }, answer => Assert.Equal(200, answer.Status));
    }

    [Fact]
    public async Task Signature_missing_by_another_key_over_a_tampered_body_or_with_another_certificate_is_refused()
    {
        var uin = await ResidentAsync();
        var partner = fixture.Full;
        var body = IdaCalls.AuthBody(partner, IdaCalls.Demo(uin, "Amina Diallo"));
        using var stranger = IdaFixture.SelfSignedCa("Stranger");
        var tampered = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("\"consentObtained\":true", "\"consentObtained\":false", StringComparison.Ordinal));
        Assert.NotEqual(body, tampered);
        // Another key but the partner's certificate in x5c: the header claims the partner, the signature is not theirs.
        var forgedHeader = IdaCalls.Sign(partner, body).Split('.')[0];
        var forged = forgedHeader + ".." + IdaCalls.Sign(new TestPartner("", "", "", stranger, stranger), body).Split('.')[2];

        var missing = await IdaCalls.SendRawAsync(Client, partner.Route("auth"), body, null);
        var otherCertificate = await IdaCalls.SendRawAsync(Client, partner.Route("auth"), body, IdaRequestCrypto.SignDetached(body, stranger));
        var otherKey = await IdaCalls.SendRawAsync(Client, partner.Route("auth"), body, forged);
        var tamperedBody = await IdaCalls.SendRawAsync(Client, partner.Route("auth"), tampered, IdaCalls.Sign(partner, body));
        var garbage = await IdaCalls.SendRawAsync(Client, partner.Route("auth"), body, "not-a-jws");
        var noX5c = await IdaCalls.SendRawAsync(Client, partner.Route("auth"), body, Base64Url.EncodeToString("{\"alg\":\"RS256\"}"u8) + ".." + forged.Split('.')[2]);

        Assert.Equal("IDA-MLC-006", missing.ErrorCode);
        Assert.Equal("IDA-MPA-021", otherCertificate.ErrorCode);
        Assert.Equal("IDA-MPA-001", otherKey.ErrorCode);
        Assert.Equal("IDA-MPA-001", tamperedBody.ErrorCode);
        Assert.Equal("IDA-MPA-001", garbage.ErrorCode);
        Assert.Equal("IDA-MPA-022", noX5c.ErrorCode);
        Assert.All(new[] { missing, otherCertificate, otherKey, tamperedBody, garbage, noX5c }, answer =>
        {
            Assert.Equal(200, answer.Status);
            Assert.True(answer.SignatureVerifies(fixture.IdaSigningCertificate));
        });
    }

    [Fact]
    public async Task Attached_signature_over_the_same_body_is_accepted()
    {
        var uin = await ResidentAsync();
        var partner = fixture.Full;
        var body = IdaCalls.AuthBody(partner, IdaCalls.Demo(uin, "Amina Diallo"));
        var parts = IdaCalls.Sign(partner, body).Split('.');

        var answer = await IdaCalls.SendRawAsync(Client, partner.Route("auth"), body, parts[0] + "." + Base64Url.EncodeToString(body) + "." + parts[2]);

        Assert.True(answer.AuthStatus, answer.ErrorMessage);
    }

    [Fact]
    public async Task Request_time_outside_the_window_is_refused()
    {
        var uin = await ResidentAsync();
        var partner = fixture.Full;

        var old = await IdaCalls.SendAsync(Client, partner, "auth", IdaCalls.AuthBody(partner, IdaCalls.Demo(uin, "Amina Diallo"), requestTime: DateTimeOffset.UtcNow.AddMinutes(-5)));
        var future = await IdaCalls.SendAsync(Client, partner, "auth", IdaCalls.AuthBody(partner, IdaCalls.Demo(uin, "Amina Diallo"), requestTime: DateTimeOffset.UtcNow.AddMinutes(5)));

        Assert.Equal("IDA-MLC-001", old.ErrorCode);
        Assert.Equal("IDA-MLC-001", future.ErrorCode);
    }

    [Fact]
    public async Task Replayed_transaction_id_is_refused_even_with_a_fresh_signature()
    {
        var uin = await ResidentAsync();
        var partner = fixture.Full;
        var body = IdaCalls.AuthBody(partner, IdaCalls.Demo(uin, "Amina Diallo"));

        var first = await IdaCalls.SendAsync(Client, partner, "auth", body);
        var replay = await IdaCalls.SendAsync(Client, partner, "auth", body);
        var sameIdNewBody = await IdaCalls.SendAsync(Client, partner, "auth", IdaCalls.AuthBody(partner, IdaCalls.Demo(uin, "Amina Diallo"), first.Json.GetProperty("transactionID").GetString()));

        Assert.True(first.AuthStatus, first.ErrorMessage);
        Assert.Equal("IDA-MLC-016", replay.ErrorCode);
        Assert.Equal("IDA-MLC-016", sameIdNewBody.ErrorCode);
    }

    [Fact]
    public async Task Parallel_copies_of_one_request_authenticate_once()
    {
        var uin = await ResidentAsync();
        var partner = fixture.Full;
        var body = IdaCalls.AuthBody(partner, IdaCalls.Demo(uin, "Amina Diallo"));

        var answers = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => IdaCalls.SendAsync(Client, partner, "auth", body)));
        using var listed = await fixture.Internal.GetAsync($"/idauthentication/v1/internal/authTransactions/individualId/{uin}?pageStart=0&pageFetch=50");
        var rows = JsonDocument.Parse(await listed.Content.ReadAsStringAsync()).RootElement.GetProperty("response").GetProperty("authTransactions");

        Assert.Single(answers, answer => answer.AuthStatus);
        Assert.Equal(11, answers.Count(answer => answer.ErrorCode == "IDA-MLC-016"));
        // The winner's row is committed before its answer is sent; the copies were refused before the registry was
        // asked, so no row of theirs names the resident.
        Assert.Equal(1, rows.GetArrayLength());
        Assert.Equal("Y", rows[0].GetProperty("statusCode").GetString());
    }

    [Fact]
    public async Task Bad_hmac_bad_session_key_and_unknown_thumbprint()
    {
        var uin = await ResidentAsync();
        var partner = fixture.Full;
        var other = IdaCalls.AuthBody(partner, IdaCalls.Demo(uin, "Someone Else"));

        // The HMAC of another request, sealed with that request's key: opens, but does not match this request.
        var badHmac = await SendEditedAsync(partner, uin, node => node["requestHMAC"] = Field(other, "requestHMAC"));
        var badKey = await SendEditedAsync(partner, uin, node => node["requestSessionKey"] = Base64Url.EncodeToString(new byte[256]));
        var badThumbprint = await SendEditedAsync(partner, uin, node => node["thumbprint"] = new string('A', 64));
        var badRequest = await SendEditedAsync(partner, uin, node => node["request"] = Base64Url.EncodeToString(new byte[64]));
        var base64Thumbprint = await SendEditedAsync(partner, uin, node =>
            node["thumbprint"] = Base64Url.EncodeToString(Convert.FromHexString(node["thumbprint"]!.GetValue<string>())));

        Assert.Equal("IDA-MPA-016", badHmac.ErrorCode);
        Assert.Equal("IDA-MPA-003", badKey.ErrorCode);
        Assert.Equal("IDA-MPA-003", badThumbprint.ErrorCode);
        Assert.Equal("IDA-MPA-003", badRequest.ErrorCode);
        Assert.True(base64Thumbprint.AuthStatus, base64Thumbprint.ErrorMessage);
    }

    [Theory]
    [InlineData("{", "IDA-MLC-009")]
    [InlineData("[]", "IDA-MLC-009")]
    [InlineData("{\"id\":\"mosip.identity.auth\"}", "IDA-MLC-006")]
    [InlineData("{\"id\":\"mosip.identity.auth\",\"version\":1}", "IDA-MLC-009")]
    public async Task Malformed_bodies_name_the_field_and_are_never_a_500(string body, string code)
    {
        var partner = fixture.Full;
        var bytes = Encoding.UTF8.GetBytes(body);

        var answer = await IdaCalls.SendAsync(Client, partner, "auth", bytes);

        Assert.Equal(200, answer.Status);
        Assert.Equal(code, answer.ErrorCode);
        Assert.True(answer.SignatureVerifies(fixture.IdaSigningCertificate));
    }

    [Fact]
    public async Task Wrong_field_types_and_a_missing_field_are_named()
    {
        var uin = await ResidentAsync();
        var partner = fixture.Full;

        var missing = await SendEditedAsync(partner, uin, node => node.Remove("individualId"));
        var wrongType = await SendEditedAsync(partner, uin, node => node["requestTime"] = 12);
        var wrongIdType = await SendEditedAsync(partner, uin, node => node["individualIdType"] = "PASSPORT");

        Assert.Equal("IDA-MLC-006", missing.ErrorCode);
        Assert.Contains("individualId", missing.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("IDA-MLC-009", wrongType.ErrorCode);
        Assert.Contains("requestTime", wrongType.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("IDA-MLC-009", wrongIdType.ErrorCode);
    }

    [Fact]
    public async Task Oversized_body_is_413_in_the_IDA_shape()
    {
        var partner = fixture.Full;
        var body = Encoding.UTF8.GetBytes("{\"pad\":\"" + new string('x', 2 * 1024 * 1024) + "\"}");
        // The host answers 413 from the declared length and closes without reading the body; a client that streams
        // the body at once races that close (broken pipe). "Expect: 100-continue" makes it wait for the answer first.
        using var handler = new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromMinutes(1) };
        using var client = new HttpClient(handler) { BaseAddress = Client.BaseAddress };
        client.DefaultRequestHeaders.ExpectContinue = true;

        var answer = await IdaCalls.SendRawAsync(client, partner.Route("auth"), body, "x..y");

        Assert.Equal(413, answer.Status);
        Assert.Equal("IDA-MLC-009", answer.ErrorCode);
    }

    [Fact]
    public async Task A_partner_that_is_not_ekyc_is_refused_on_the_kyc_route()
    {
        var uin = await ResidentAsync();
        var partner = fixture.Full;

        var answer = await IdaCalls.SendAsync(Client, partner, "kyc", IdaCalls.AuthBody(partner, IdaCalls.Demo(uin, "Amina Diallo"), kycAttributes: ["fullName"]));

        Assert.Equal("IDA-MPA-013", answer.ErrorCode);
    }

    [Fact]
    public async Task An_ekyc_partner_whose_policy_lacks_kyc_is_refused_on_the_kyc_route()
    {
        var uin = await ResidentAsync();
        var partner = fixture.KycWithoutPolicy;

        var refused = await IdaCalls.SendAsync(Client, partner, "kyc", IdaCalls.AuthBody(partner, IdaCalls.Demo(uin, "Amina Diallo"), kycAttributes: ["fullName"]));
        var allowed = await IdaCalls.SendAsync(Client, fixture.Kyc, "kyc", IdaCalls.AuthBody(fixture.Kyc, IdaCalls.Demo(uin, "Amina Diallo"), kycAttributes: ["fullName"]));

        Assert.Equal("IDA-MPA-013", refused.ErrorCode);
        Assert.Null(allowed.ErrorCode);
    }

    [Fact]
    public async Task Consent_not_obtained_or_absent_is_refused_for_auth_and_kyc()
    {
        var uin = await ResidentAsync();
        var noConsent = IdaCalls.Demo(uin, "Amina Diallo") with { ConsentObtained = false };

        var authFalse = await IdaCalls.SendAsync(Client, fixture.Full, "auth", IdaCalls.AuthBody(fixture.Full, noConsent));
        var kycFalse = await IdaCalls.SendAsync(Client, fixture.Kyc, "kyc", IdaCalls.AuthBody(fixture.Kyc, noConsent, kycAttributes: ["fullName"]));
        var authAbsent = await SendEditedAsync(fixture.Full, uin, node => node.Remove("consentObtained"));

        Assert.Equal("IDA-MLC-012", authFalse.ErrorCode);
        Assert.Equal("IDA-MLC-012", kycFalse.ErrorCode);
        Assert.Equal("IDA-MLC-012", authAbsent.ErrorCode);
        Assert.False(kycFalse.Json.GetProperty("response").TryGetProperty("identity", out var identity) && identity.ValueKind != JsonValueKind.Null);
    }

    [Fact]
    public async Task A_lone_surrogate_in_a_string_is_invalid_input_never_a_500()
    {
        var uin = await ResidentAsync();
        var partner = fixture.Full;
        var lone = Encoding.UTF8.GetBytes("{\"transactionID\":\"\\ud800\"}");
        var valid = IdaCalls.AuthBody(partner, IdaCalls.Demo(uin, "Amina Diallo"));
        var withLone = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(valid)
            .Replace($"\"transactionID\":\"{Field(valid, "transactionID")}\"", "\"transactionID\":\"\\ud800\"", StringComparison.Ordinal));
        Assert.NotEqual(valid, withLone);
        var loneSignature = IdaRequestCrypto.SignDetached(lone, partner.Certificate);
        var x5cLone = Base64Url.EncodeToString("{\"alg\":\"RS256\",\"x5c\":[\"\\ud800\"]}"u8) + "..c2ln";

        var unknownPartner = await IdaCalls.SendRawAsync(Client, "/idauthentication/v1/auth/x/y/z", lone, loneSignature);
        var knownPartner = await IdaCalls.SendAsync(Client, partner, "auth", withLone);
        var loneInHeader = await IdaCalls.SendRawAsync(Client, partner.Route("auth"), valid, x5cLone);
        var seed = await IdaCalls.SendRawAsync(Client, "/identity/auth/v1.0", lone, loneSignature);

        Assert.All(new[] { unknownPartner, knownPartner, loneInHeader, seed }, answer => Assert.NotEqual(500, answer.Status));
        Assert.StartsWith("IDA-MPA-", unknownPartner.ErrorCode, StringComparison.Ordinal);
        Assert.Equal("IDA-MLC-009", knownPartner.ErrorCode);
        Assert.Contains("transactionID", knownPartner.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("IDA-MPA-022", loneInHeader.ErrorCode);
        Assert.NotEqual("IDA-MLC-007", seed.Json.GetProperty("err")[0].GetProperty("code").GetString());
    }

    [Fact]
    public async Task A_partner_certificate_that_has_expired_since_onboarding_is_refused()
    {
        var uin = await ResidentAsync();
        var shortLived = IdaFixture.SelfSignedCa("Short-lived partner", DateTimeOffset.UtcNow.AddSeconds(8));
        var partner = await fixture.OnboardAsync("Short-lived partner", shortLived);
        var before = await IdaCalls.AuthAsync(Client, partner, IdaCalls.Demo(uin, "Amina Diallo"));
        var wait = shortLived.NotAfter.ToUniversalTime() - DateTime.UtcNow + TimeSpan.FromSeconds(1.5);
        if (wait > TimeSpan.Zero)
        {
            await Task.Delay(wait);
        }

        var after = await IdaCalls.AuthAsync(Client, partner, IdaCalls.Demo(uin, "Amina Diallo"));

        Assert.Null(before.ErrorCode);
        Assert.Equal("IDA-MPA-002", after.ErrorCode);
    }

    [Fact]
    public async Task A_body_is_accepted_on_its_own_route_only_and_auth_and_kyc_share_transaction_ids()
    {
        var uin = await ResidentAsync();
        var partner = fixture.Kyc;
        var transactionId = IdaCalls.NewTransactionId();
        var authBody = IdaCalls.AuthBody(partner, IdaCalls.Demo(uin, "Amina Diallo"), transactionId);
        var kycBody = IdaCalls.AuthBody(partner, IdaCalls.Demo(uin, "Amina Diallo"), transactionId, kycAttributes: ["fullName"]);

        var auth = await IdaCalls.SendAsync(Client, partner, "auth", authBody);
        var authBodyOnKyc = await IdaCalls.SendAsync(Client, partner, "kyc", IdaCalls.AuthBody(partner, IdaCalls.Demo(uin, "Amina Diallo")));
        var kycBodyOnAuth = await IdaCalls.SendAsync(Client, partner, "auth", IdaCalls.AuthBody(partner, IdaCalls.Demo(uin, "Amina Diallo"), kycAttributes: ["fullName"]));
        var sameTransactionOnKyc = await IdaCalls.SendAsync(Client, partner, "kyc", kycBody);

        Assert.Null(auth.ErrorCode);
        Assert.Equal("IDA-MLC-009", authBodyOnKyc.ErrorCode);
        Assert.Contains("id", authBodyOnKyc.ErrorMessage, StringComparison.Ordinal);
        Assert.Equal("IDA-MLC-009", kycBodyOnAuth.ErrorCode);
        Assert.Equal("IDA-MLC-016", sameTransactionOnKyc.ErrorCode);
    }

    private async Task<IdaAnswer> SendEditedAsync(TestPartner partner, string uin, Action<JsonObject> edit)
    {
        var node = JsonNode.Parse(IdaCalls.AuthBody(partner, IdaCalls.Demo(uin, "Amina Diallo")))!.AsObject();
        edit(node);
        var body = Encoding.UTF8.GetBytes(node.ToJsonString());
        return await IdaCalls.SendAsync(Client, partner, "auth", body);
    }

    private static string Field(byte[] body, string name) => JsonDocument.Parse(body).RootElement.GetProperty(name).GetString()!;
}
