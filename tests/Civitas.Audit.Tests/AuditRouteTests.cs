using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Civitas.Common.Security;

namespace Civitas.Audit.Tests;

/// <summary><c>POST /v1/auditmanager/audits</c> as a MOSIP client sees it: the acknowledgement and every seed error.</summary>
public sealed class AuditRouteTests(AuditHostFixture fixture) : IClassFixture<AuditHostFixture>
{
    [Fact]
    public async Task A_valid_event_is_acknowledged_and_can_be_read_back()
    {
        var request = AuditSamples.Request(eventType: "route-valid", id: "rv-1");
        var body = await AuditSamples.PostAsync(fixture.Kernel, request);

        Assert.Equal(JsonValueKind.Null, body.GetProperty("errors").ValueKind);
        Assert.True(body.GetProperty("response").GetProperty("status").GetBoolean());
        Assert.Equal("mosip.kernel.audit", body.GetProperty("id").GetString());

        // The acknowledgement means stored: the entry is there without any flush.
        var page = await fixture.Kernel.GetFromJsonAsync<JsonElement>(AuditSamples.Route + "?eventType=route-valid");
        var entry = page.GetProperty("response").GetProperty("data")[0];
        Assert.Equal("rv-1", entry.GetProperty("id").GetString());
        Assert.Equal("Periodic Scan", entry.GetProperty("eventName").GetString());
        Assert.Equal("2018-10-04T05:57:20.929Z", entry.GetProperty("actionTimeStamp").GetString());
        Assert.Equal("Example description", entry.GetProperty("description").GetString());
        Assert.Equal(64, entry.GetProperty("hash").GetString()!.Length);
    }

    [Fact]
    public async Task Optional_fields_may_be_left_out()
    {
        var request = AuditSamples.Request(eventType: "route-optional");
        request.Remove("moduleName");
        request.Remove("moduleId");
        request.Remove("description");

        var body = await AuditSamples.PostAsync(fixture.Kernel, request);

        Assert.Null(AuditSamples.ErrorCode(body));
        var page = await fixture.Kernel.GetFromJsonAsync<JsonElement>(AuditSamples.Route + "?eventType=route-optional");
        Assert.Equal(JsonValueKind.Null, page.GetProperty("response").GetProperty("data")[0].GetProperty("moduleName").ValueKind);
    }

    [Theory]
    [InlineData("eventId")]
    [InlineData("eventName")]
    [InlineData("eventType")]
    [InlineData("actionTimeStamp")]
    [InlineData("hostName")]
    [InlineData("hostIp")]
    [InlineData("applicationId")]
    [InlineData("applicationName")]
    [InlineData("sessionUserId")]
    [InlineData("sessionUserName")]
    [InlineData("id")]
    [InlineData("idType")]
    [InlineData("createdBy")]
    public async Task A_missing_or_blank_required_field_is_KER_AUD_001(string field)
    {
        var missing = AuditSamples.Request(eventType: "route-missing");
        missing.Remove(field);
        var blank = AuditSamples.Request(eventType: "route-missing");
        blank[field] = "  ";

        foreach (var request in new[] { missing, blank })
        {
            var body = await AuditSamples.PostAsync(fixture.Kernel, request);
            Assert.Equal("KER-AUD-001", AuditSamples.ErrorCode(body));
            Assert.Equal("Invalid Audit Request. Required parameters must be present", AuditSamples.ErrorMessage(body));
            Assert.Equal(JsonValueKind.Null, body.GetProperty("response").ValueKind);
        }

        await AssertNothingStored("route-missing");
    }

    [Theory]
    [InlineData("actionTimeStamp", "yesterday")]
    [InlineData("actionTimeStamp", "2018-13-45T05:57:20.929Z")]
    [InlineData("hostIp", "2018-10-04T05:57:20.929Z")]
    [InlineData("hostIp", "10.0.0.300")]
    [InlineData("eventId", "65-characters-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    [InlineData("sessionUserName", "line\nbreak")]
    [InlineData("moduleId", "65-characters-xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx")]
    public async Task A_malformed_field_is_KER_AUD_002(string field, string value)
    {
        var request = AuditSamples.Request(eventType: "route-format");
        request[field] = value;

        var body = await AuditSamples.PostAsync(fixture.Kernel, request);

        Assert.Equal("KER-AUD-002", AuditSamples.ErrorCode(body));
        Assert.Equal("Invalid Audit Request. Format is incorrect.", AuditSamples.ErrorMessage(body));
        await AssertNothingStored("route-format");
    }

    [Fact]
    public async Task A_description_longer_than_2048_characters_is_KER_AUD_002()
    {
        var request = AuditSamples.Request(eventType: "route-format");
        request["description"] = new string('d', 2049);

        var body = await AuditSamples.PostAsync(fixture.Kernel, request);

        Assert.Equal("KER-AUD-002", AuditSamples.ErrorCode(body));
    }

    [Fact]
    public async Task Unreadable_json_is_KER_AUD_999()
    {
        using var response = await fixture.Kernel.PostAsync(AuditSamples.Route,
            new StringContent("{\"request\": {\"eventId\": 42}}", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("KER-AUD-999", AuditSamples.ErrorCode(body));
    }

    [Fact]
    public async Task The_route_needs_a_token_with_the_kernel_scope()
    {
        var envelope = new { request = AuditSamples.Request() };
        using var anonymous = await fixture.Host.Client.PostAsJsonAsync(AuditSamples.Route, envelope);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);

        using var keysOnly = await fixture.Host.CreateServiceClientAsync(CivitasScopes.Keys);
        using var forbidden = await keysOnly.PostAsJsonAsync(AuditSamples.Route, envelope);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        using var forbiddenQuery = await keysOnly.GetAsync(AuditSamples.Route);
        Assert.Equal(HttpStatusCode.Forbidden, forbiddenQuery.StatusCode);
    }

    private async Task AssertNothingStored(string eventType)
    {
        var page = await fixture.Kernel.GetFromJsonAsync<JsonElement>(AuditSamples.Route + "?eventType=" + Uri.EscapeDataString(eventType));
        Assert.Equal(0, page.GetProperty("response").GetProperty("totalItems").GetInt64());
    }
}
