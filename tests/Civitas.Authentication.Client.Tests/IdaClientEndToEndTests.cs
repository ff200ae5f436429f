using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Civitas.Authentication.Client.Tests;

/// <summary><see cref="IdaClient"/> against the real server over HTTP: success, refusals with their IDA codes, tampering.</summary>
public sealed class IdaClientEndToEndTests(IdaServerFixture server) : IClassFixture<IdaServerFixture>
{
    [Fact]
    public async Task Demographic_authentication_succeeds_with_a_signed_answer_and_a_partner_token()
    {
        var result = await server.CreateClient().AuthenticateAsync(new IdaAuthRequest
        {
            IndividualId = server.Uin,
            Demographics = IdaServerFixture.Demographics(IdaServerFixture.ResidentName),
        });

        Assert.True(result.Succeeded, result.RawBody);
        Assert.True(result.Response!.AuthStatus);
        Assert.Matches("^[0-9]{36}$", result.Response.AuthToken);
        Assert.True(result.ResponseSignatureValid);
        Assert.NotNull(result.ResponseSigner);
        Assert.Contains(result.TransactionId!, result.RawBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_resident_gets_the_same_token_from_the_same_partner()
    {
        var client = server.CreateClient();
        var request = new IdaAuthRequest { IndividualId = server.Uin, StaticPin = IdaServerFixture.ResidentPin };

        var first = await client.AuthenticateAsync(request);
        var second = await client.AuthenticateAsync(request);

        Assert.True(first.Succeeded, first.RawBody);
        Assert.Equal(first.Response!.AuthToken, second.Response!.AuthToken);
    }

    [Fact]
    public async Task A_wrong_name_is_IDA_DEA_001_and_a_wrong_pin_IDA_SPA_001()
    {
        var client = server.CreateClient();

        var name = await client.AuthenticateAsync(new IdaAuthRequest { IndividualId = server.Uin, Demographics = IdaServerFixture.Demographics("Someone Else") });
        var pin = await client.AuthenticateAsync(new IdaAuthRequest { IndividualId = server.Uin, StaticPin = "000000" });

        Assert.Equal(200, name.HttpStatus);
        Assert.False(name.Response?.AuthStatus ?? false);
        Assert.Contains(name.Errors, e => e.ErrorCode == "IDA-DEA-001");
        Assert.True(name.ResponseSignatureValid);
        Assert.Contains(pin.Errors, e => e.ErrorCode == "IDA-SPA-001");
    }

    [Fact]
    public async Task Kyc_returns_only_the_policy_allowed_attributes_decrypted()
    {
        var result = await server.CreateClient().KycAsync(
            new IdaAuthRequest { IndividualId = server.Uin, StaticPin = IdaServerFixture.ResidentPin },
            ["fullName", "email", "dateOfBirth", "phone", "city"]);

        Assert.True(result.Succeeded, result.RawBody);
        Assert.True(result.Response!.KycStatus);
        var identity = result.Response.Identity!;
        Assert.Equal(IdaServerFixture.PolicyKycAttributes.Order(), identity.Select(p => p.Key).Order());
        Assert.Equal(IdaServerFixture.ResidentEmail, (string?)identity["email"]);
        Assert.Contains(IdaServerFixture.ResidentName, identity["fullName"]!.ToJsonString(), StringComparison.Ordinal);
        Assert.DoesNotContain(IdaServerFixture.ResidentEmail, result.RawBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_uin_is_IDA_MLC_018()
    {
        var result = await server.CreateClient().AuthenticateAsync(new IdaAuthRequest { IndividualId = "9999999999", StaticPin = "123456" });

        Assert.Contains(result.Errors, e => e.ErrorCode == "IDA-MLC-018");
    }

    [Fact]
    public async Task A_request_time_outside_the_window_is_IDA_MLC_001()
    {
        var result = await server.CreateClient().AuthenticateAsync(new IdaAuthRequest
        {
            IndividualId = server.Uin,
            StaticPin = IdaServerFixture.ResidentPin,
            RequestTime = DateTimeOffset.UtcNow.AddMinutes(-10),
        });

        Assert.Contains(result.Errors, e => e.ErrorCode == "IDA-MLC-001");
    }

    [Fact]
    public async Task A_replayed_transaction_id_is_refused_even_with_a_fresh_request()
    {
        var client = server.CreateClient();
        var request = new IdaAuthRequest { IndividualId = server.Uin, StaticPin = IdaServerFixture.ResidentPin, TransactionId = IdaRequestBuilder.NewTransactionId() };

        var first = await client.AuthenticateAsync(request);
        var replay = await client.AuthenticateAsync(request);

        Assert.True(first.Succeeded, first.RawBody);
        Assert.False(replay.Succeeded);
        Assert.Contains(replay.Errors, e => e.ErrorCode == "IDA-MLC-016");
    }

    [Fact]
    public async Task A_body_changed_after_signing_is_IDA_MPA_001()
    {
        var client = server.CreateClient();
        var body = Body(IdaServerFixture.ResidentPin);
        var signature = IdaRequestCrypto.SignDetached(body, server.Profile.PartnerCertificate);
        var changed = Encoding.UTF8.GetBytes(Encoding.UTF8.GetString(body).Replace("\"consentObtained\":true", "\"consentObtained\":false", StringComparison.Ordinal));

        var answer = await client.SendRawAsync("auth", changed, signature);

        Assert.Equal(200, answer.HttpStatus);
        Assert.Contains("IDA-MPA-001", Encoding.UTF8.GetString(answer.Body), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_signature_or_one_by_a_certificate_the_partner_did_not_register_is_refused()
    {
        var client = server.CreateClient();
        var body = Body(IdaServerFixture.ResidentPin);

        var unsigned = Encoding.UTF8.GetString((await client.SendRawAsync("auth", body, null)).Body);
        var foreign = Encoding.UTF8.GetString((await client.SendRawAsync("auth", body, IdaRequestCrypto.SignDetached(body, server.WithForeignCertificate().PartnerCertificate))).Body);

        Assert.Contains("IDA-MLC-006", unsigned, StringComparison.Ordinal); // missing input: the signature header
        Assert.Contains("IDA-MPA-021", foreign, StringComparison.Ordinal); // not the certificate the partner registered
    }

    [Fact]
    public async Task A_wrong_hmac_is_IDA_MPA_016_and_an_undecryptable_request_IDA_MPA_003()
    {
        var client = server.CreateClient();
        var other = JsonNode.Parse(Body("111111"))!.AsObject();

        // Each from a fresh body (its own transaction id), with one part taken from another sealed request.
        var hmac = JsonNode.Parse(Body(IdaServerFixture.ResidentPin))!.AsObject();
        hmac["requestHMAC"] = (string?)other["requestHMAC"]; // a real HMAC, but under another key
        var request = JsonNode.Parse(Body(IdaServerFixture.ResidentPin))!.AsObject();
        request["request"] = (string?)other["request"];

        Assert.Contains("IDA-MPA-016", await SendSignedAsync(client, hmac), StringComparison.Ordinal);
        Assert.Contains("IDA-MPA-003", await SendSignedAsync(client, request), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unknown_partner_or_api_key_is_refused_without_saying_whether_the_resident_exists()
    {
        var wrongKey = new IdaClient(new HttpClient(), server.Profile with { ApiKey = "not-the-key" });
        var request = new IdaAuthRequest { IndividualId = server.Uin, StaticPin = IdaServerFixture.ResidentPin };

        var known = await wrongKey.AuthenticateAsync(request);
        var unknown = await wrongKey.AuthenticateAsync(request with { IndividualId = "9999999999" });

        Assert.Contains(known.Errors, e => e.ErrorCode.StartsWith("IDA-MPA-", StringComparison.Ordinal));
        Assert.Equal(known.Errors.Select(e => e.ErrorCode), unknown.Errors.Select(e => e.ErrorCode));
    }

    [Fact]
    public async Task Otp_request_answers_with_masked_channels_and_a_wrong_otp_is_IDA_OTA_004()
    {
        var client = server.CreateClient();
        var transactionId = IdaRequestBuilder.NewTransactionId();

        var sent = await client.RequestOtpAsync(server.Uin, "UIN", ["PHONE", "EMAIL"], transactionId);
        var wrong = await client.AuthenticateAsync(new IdaAuthRequest { IndividualId = server.Uin, TransactionId = transactionId, Otp = "000000" });

        Assert.True(sent.Succeeded, sent.RawBody);
        Assert.DoesNotContain("+221771234567", sent.RawBody, StringComparison.Ordinal);
        Assert.DoesNotContain(IdaServerFixture.ResidentEmail, sent.RawBody, StringComparison.Ordinal);
        Assert.False(string.IsNullOrEmpty(sent.Response!.MaskedMobile) && string.IsNullOrEmpty(sent.Response.MaskedEmail));
        Assert.Contains(wrong.Errors, e => e.ErrorCode is "IDA-OTA-004");
    }

    [Fact]
    public async Task An_otp_read_from_the_phone_authenticates_once_under_its_transaction_id()
    {
        var client = server.CreateClient();
        var transactionId = IdaRequestBuilder.NewTransactionId();
        var outbox = Path.Combine(server.Host.DataDirectory, "outbox", "messages.log");
        var seen = File.Exists(outbox) ? (await File.ReadAllLinesAsync(outbox)).Length : 0;

        var sent = await client.RequestOtpAsync(server.Uin, "UIN", ["PHONE"], transactionId);
        var otp = await ReadSmsOtpAsync(outbox, seen);
        var request = new IdaAuthRequest { IndividualId = server.Uin, TransactionId = transactionId, Otp = otp };
        var verified = await client.AuthenticateAsync(request);
        var again = await client.AuthenticateAsync(request);

        Assert.True(sent.Succeeded, sent.RawBody);
        Assert.True(verified.Succeeded && verified.Response!.AuthStatus, verified.RawBody);
        Assert.False(again.Response?.AuthStatus ?? false); // same transaction id again: a replay, and the OTP is spent
        Assert.NotEmpty(again.Errors);
    }

    /// <summary>The phone at the system edge: the development sink's outbox file, waited for until the SMS arrives.</summary>
    private static async Task<string> ReadSmsOtpAsync(string outbox, int seen)
    {
        for (var attempt = 0; attempt < 150; attempt++)
        {
            if (File.Exists(outbox))
            {
                var lines = await File.ReadAllLinesAsync(outbox);
                foreach (var line in lines.Skip(seen))
                {
                    var sms = Regex.Match(line, @"SMS to \+?221771234567: (.*)$");
                    var code = Regex.Match(sms.Groups[1].Value, @"(?<!\d)\d{6}(?!\d)");
                    if (sms.Success && code.Success)
                    {
                        return code.Value;
                    }
                }
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("No SMS with an OTP reached the development outbox.");
    }

    private byte[] Body(string pin) =>
        IdaRequestBuilder.AuthBody(
            new IdaAuthRequest { IndividualId = server.Uin, StaticPin = pin },
            IdaRequestBuilder.NewTransactionId(),
            DateTimeOffset.UtcNow,
            server.Profile.IdaCertificate,
            server.Profile.BaseUrl);

    private async Task<string> SendSignedAsync(IdaClient client, JsonObject body)
    {
        var bytes = Encoding.UTF8.GetBytes(body.ToJsonString());
        var answer = await client.SendRawAsync("auth", bytes, IdaRequestCrypto.SignDetached(bytes, server.Profile.PartnerCertificate));
        Assert.Equal(200, answer.HttpStatus);
        return Encoding.UTF8.GetString(answer.Body);
    }
}
