using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Civitas.Common.Security;
using Civitas.Notifications.Persistence;

namespace Civitas.Notifications.Tests;

/// <summary>The SMS route against an HTTP gateway: delivery, the seed's errors, retries and recorded failures.</summary>
public sealed class SmsRouteTests(SmsGatewayFixture fixture) : IClassFixture<SmsGatewayFixture>
{
    [Theory]
    [InlineData(Notifier.SmsPath, "9876500001")]
    [InlineData(Notifier.SmsSeedPath, "9876500002")]
    public async Task An_sms_reaches_the_gateway_with_the_configured_url_body_and_headers(string path, string number)
    {
        var body = await Notifier.SendSmsAsync(fixture.Kernel, new { number, message = "Your OTP is 482913 \"quoted\"" }, path);

        Assert.Null(Notifier.ErrorCode(body));
        Assert.Equal("success", body.GetProperty("response").GetProperty("status").GetString());
        Assert.Equal("Sms Request Sent", body.GetProperty("response").GetProperty("message").GetString());
        var sent = Assert.Single(fixture.Gateway.For(number));
        Assert.Equal("gateway-key", sent.ApiKey);
        Assert.StartsWith("application/json", sent.ContentType, StringComparison.Ordinal);
        Assert.Equal("Your OTP is 482913 \"quoted\"", JsonDocument.Parse(sent.Body).RootElement.GetProperty("text").GetString());
        var row = await Notifier.WaitForOutboxAsync(fixture.Host, "******" + number[^4..], OutboxStatus.Delivered);
        Assert.Empty(row.Payload);
    }

    [Theory]
    [InlineData(null, "hello")]
    [InlineData("9876543210", null)]
    [InlineData("", "hello")]
    [InlineData("9876543210", "   ")]
    public async Task Missing_number_or_message_is_KER_NOS_001(string? number, string? message)
    {
        var body = await Notifier.SendSmsAsync(fixture.Kernel, new { number, message });

        Assert.Equal("KER-NOS-001", Notifier.ErrorCode(body));
        Assert.Equal("Number and message can't be empty, null", Notifier.ErrorMessage(body));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("response").ValueKind);
    }

    [Theory]
    [InlineData("98765abcde")]
    [InlineData("+919876543210")]
    [InlineData("98765-43210")]
    [InlineData("123456")]
    [InlineData("1234567890123456")]
    public async Task A_number_with_letters_symbols_or_the_wrong_length_is_KER_NOS_002(string number)
    {
        var before = fixture.Gateway.Requests.Count;
        var body = await Notifier.SendSmsAsync(fixture.Kernel, new { number, message = "hello" });

        Assert.Equal("KER-NOS-002", Notifier.ErrorCode(body));
        Assert.Equal("Contact number cannot contains alphabet,special character or less than or more than", Notifier.ErrorMessage(body));
        Assert.Equal(before, fixture.Gateway.Requests.Count);
    }

    [Fact]
    public async Task Unreadable_json_and_overlong_messages_are_KER_NOS_999()
    {
        using var response = await fixture.Kernel.PostAsync(Notifier.SmsPath, new StringContent("{\"request\":{\"number\":123}}", Encoding.UTF8, "application/json"));
        Assert.Equal("KER-NOS-999", Notifier.ErrorCode(await response.Content.ReadFromJsonAsync<JsonElement>()));

        var body = await Notifier.SendSmsAsync(fixture.Kernel, new { number = "9876543210", message = new string('m', 1601) });
        Assert.Equal("KER-NOS-999", Notifier.ErrorCode(body));
    }

    [Fact]
    public async Task A_gateway_outage_is_retried_until_delivered()
    {
        const string number = "9876501503";
        var body = await Notifier.SendSmsAsync(fixture.Kernel, new { number, message = "retry me" });

        // Accepted: the message sits in the outbox and the worker tries again after the backoff.
        Assert.Null(Notifier.ErrorCode(body));
        var row = await Notifier.WaitForOutboxAsync(fixture.Host, "******1503", OutboxStatus.Delivered);
        Assert.Equal(2, row.Attempts);
        Assert.Equal(2, fixture.Gateway.For(number).Count);
    }

    [Fact]
    public async Task A_gateway_that_keeps_failing_ends_with_a_recorded_failure()
    {
        const string number = "9876500503";
        await Notifier.SendSmsAsync(fixture.Kernel, new { number, message = "never delivered" });

        var row = await Notifier.WaitForOutboxAsync(fixture.Host, "******0503", OutboxStatus.Failed);
        Assert.Equal(3, row.Attempts);
        Assert.Equal("SMS gateway answered HTTP 503", row.LastError);
        Assert.Equal(3, fixture.Gateway.For(number).Count);
    }

    [Fact]
    public async Task A_gateway_refusal_is_KER_NOS_500_and_recorded_without_retries()
    {
        const string number = "9876500400";
        var body = await Notifier.SendSmsAsync(fixture.Kernel, new { number, message = "refused" });

        Assert.Equal("KER-NOS-500", Notifier.ErrorCode(body));
        Assert.Equal("Internal server error", Notifier.ErrorMessage(body));
        var row = await Notifier.WaitForOutboxAsync(fixture.Host, "******0400", OutboxStatus.Failed);
        Assert.Equal(1, row.Attempts);
        Assert.NotEmpty(row.Payload);
        Assert.Single(fixture.Gateway.For(number));
    }

    [Fact]
    public async Task The_routes_need_a_token_with_the_kernel_scope()
    {
        var envelope = new { request = new { number = "9876543210", message = "x" } };
        using var anonymous = await fixture.Host.Client.PostAsJsonAsync(Notifier.SmsPath, envelope);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        using var keys = await fixture.Host.CreateServiceClientAsync(CivitasScopes.Keys);
        using var forbidden = await keys.PostAsJsonAsync(Notifier.SmsSeedPath, envelope);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        using var forbiddenEmail = await keys.PostAsync(Notifier.EmailPath, Notifier.EmailForm([("mailTo", "a@example.org")]));
        Assert.Equal(HttpStatusCode.Forbidden, forbiddenEmail.StatusCode);
    }
}
