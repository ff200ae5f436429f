using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Civitas.Authentication.Client.Tests;

/// <summary>The request bodies carry REFERENCE section 7's fields, and the factors only inside <c>request</c>.</summary>
public sealed class RequestBuilderTests
{
    private static readonly DateTimeOffset Time = new(2026, 11, 24, 6, 5, 4, 321, TimeSpan.Zero);

    private static IdaAuthRequest Request => new()
    {
        IndividualId = "2345678901",
        Otp = "864209",
        StaticPin = "4321",
        Demographics = new JsonObject { ["name"] = new JsonArray(new JsonObject { ["language"] = "eng", ["value"] = "Ann Lee" }), ["dob"] = "1990/01/31" },
    };

    [Fact]
    public void Auth_body_has_the_reference_fields_and_no_factor_in_clear()
    {
        var body = IdaRequestBuilder.AuthBody(Request, "0123456789", Time, TestKeys.Ida, "http://ida.example");
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;

        Assert.Equal("mosip.identity.auth", root.GetProperty("id").GetString());
        Assert.Equal("1.0", root.GetProperty("version").GetString());
        Assert.Equal("2345678901", root.GetProperty("individualId").GetString());
        Assert.Equal("UIN", root.GetProperty("individualIdType").GetString());
        Assert.Equal("0123456789", root.GetProperty("transactionID").GetString());
        Assert.Equal("2026-11-24T06:05:04.321Z", root.GetProperty("requestTime").GetString());
        Assert.Equal(Convert.ToHexString(SHA256.HashData(TestKeys.Ida.RawData)), root.GetProperty("thumbprint").GetString());
        Assert.Equal("http://ida.example", root.GetProperty("domainUri").GetString());
        Assert.True(root.GetProperty("consentObtained").GetBoolean());
        foreach (var field in new[] { "specVersion", "env", "requestSessionKey", "requestHMAC", "request" })
        {
            Assert.Equal(JsonValueKind.String, root.GetProperty(field).ValueKind);
        }

        Assert.Equal(JsonValueKind.Object, root.GetProperty("metadata").ValueKind);
        Assert.False(root.TryGetProperty("allowedKycAttributes", out _));
        var text = Encoding.UTF8.GetString(body);
        Assert.DoesNotContain("864209", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ann Lee", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Inner_request_holds_timestamp_and_factors_and_its_hmac_matches()
    {
        var body = IdaRequestBuilder.AuthBody(Request, "0123456789", Time, TestKeys.Ida, "http://ida.example");
        using var document = JsonDocument.Parse(body);
        var root = document.RootElement;

        using var idaKey = TestKeys.Ida.GetRSAPrivateKey()!;
        var key = ReferenceOpener.UnwrapKey(idaKey, root.GetProperty("requestSessionKey").GetString()!);
        var inner = ReferenceOpener.OpenAppendedNonce(key, root.GetProperty("request").GetString()!);
        var hmac = Encoding.ASCII.GetString(ReferenceOpener.OpenAppendedNonce(key, root.GetProperty("requestHMAC").GetString()!));
        Assert.Equal(Convert.ToHexString(SHA256.HashData(inner)), hmac);
        var request = JsonNode.Parse(inner)!.AsObject();
        Assert.Equal("2026-11-24T06:05:04.321Z", (string?)request["timestamp"]);
        Assert.Equal("864209", (string?)request["otp"]);
        Assert.Equal("4321", (string?)request["staticPin"]);
        Assert.Equal("Ann Lee", (string?)request["demographics"]!["name"]![0]!["value"]);
        Assert.False(request.ContainsKey("biometrics"));
    }

    [Fact]
    public void Kyc_body_names_the_kyc_id_and_the_requested_attributes()
    {
        var body = IdaRequestBuilder.AuthBody(Request with { IndividualIdType = "VID" }, "0123456789", Time, TestKeys.Ida, "http://ida.example", ["fullName", "email"]);
        using var document = JsonDocument.Parse(body);

        Assert.Equal("mosip.identity.kyc", document.RootElement.GetProperty("id").GetString());
        Assert.Equal("VID", document.RootElement.GetProperty("individualIdType").GetString());
        Assert.Equal(["fullName", "email"], document.RootElement.GetProperty("allowedKycAttributes").EnumerateArray().Select(a => a.GetString()));
    }

    [Fact]
    public void Otp_body_names_the_channels()
    {
        using var document = JsonDocument.Parse(IdaRequestBuilder.OtpBody("2345678901", "UIN", ["PHONE", "EMAIL"], "0123456789", Time));

        Assert.Equal("mosip.identity.otp", document.RootElement.GetProperty("id").GetString());
        Assert.Equal(["PHONE", "EMAIL"], document.RootElement.GetProperty("otpChannel").EnumerateArray().Select(a => a.GetString()));
        Assert.Equal("2026-11-24T06:05:04.321Z", document.RootElement.GetProperty("requestTime").GetString());
    }

    [Fact]
    public void ToString_names_the_factors_but_not_their_values()
    {
        var text = Request.ToString();

        Assert.Contains("Otp = ***", text, StringComparison.Ordinal);
        Assert.DoesNotContain("864209", text, StringComparison.Ordinal);
        Assert.DoesNotContain("4321", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Ann Lee", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Transaction_ids_are_ten_random_digits()
    {
        var ids = Enumerable.Range(0, 50).Select(_ => IdaRequestBuilder.NewTransactionId()).ToList();

        Assert.All(ids, id => Assert.Matches("^[0-9]{10}$", id));
        Assert.True(ids.Distinct().Count() > 45);
    }
}
