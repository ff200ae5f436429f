using System.Net.Http.Json;
using System.Text.Json;

namespace Civitas.Audit.Tests;

/// <summary><c>GET /v1/auditmanager/audits</c>: filters, paging, and KER-AUD-002 for unreadable filters.</summary>
public sealed class AuditQueryTests(AuditHostFixture fixture) : IClassFixture<AuditHostFixture>
{
    [Fact]
    public async Task Filters_by_time_range_event_type_id_and_user_and_pages_in_order()
    {
        for (var day = 1; day <= 5; day++)
        {
            var request = AuditSamples.Request(eventType: "query-range", id: "q-" + day, actionTime: $"2026-01-0{day}T12:00:00.000Z");
            request["sessionUserId"] = day % 2 == 0 ? "even-user" : "odd-user";
            Assert.Null(AuditSamples.ErrorCode(await AuditSamples.PostAsync(fixture.Kernel, request)));
        }

        var range = await Query("?eventType=query-range&fromTime=2026-01-02T00:00:00.000Z&toTime=2026-01-04T12:00:00.000Z");
        Assert.Equal(["q-2", "q-3", "q-4"], Ids(range));
        Assert.Equal(3, range.GetProperty("totalItems").GetInt64());

        Assert.Equal(["q-2", "q-4"], Ids(await Query("?eventType=query-range&sessionUserId=even-user")));
        Assert.Equal(["q-5"], Ids(await Query("?eventType=query-range&id=q-5")));

        var second = await Query("?eventType=query-range&pageNumber=1&pageSize=2");
        Assert.Equal(["q-3", "q-4"], Ids(second));
        Assert.Equal(5, second.GetProperty("totalItems").GetInt64());
        Assert.Empty(Ids(await Query("?eventType=query-range&pageNumber=3&pageSize=2")));
    }

    [Theory]
    [InlineData("?fromTime=not-a-time")]
    [InlineData("?toTime=2026-02-30T00:00:00.000Z")]
    [InlineData("?fromTime=2026-02-02T00:00:00.000Z&toTime=2026-02-01T00:00:00.000Z")]
    [InlineData("?pageNumber=-1")]
    [InlineData("?pageSize=0")]
    [InlineData("?pageSize=501")]
    [InlineData("?pageSize=ten")]
    public async Task Unreadable_filters_are_KER_AUD_002(string query)
    {
        var body = await fixture.Kernel.GetFromJsonAsync<JsonElement>(AuditSamples.Route + query);

        Assert.Equal("KER-AUD-002", AuditSamples.ErrorCode(body));
        Assert.Equal("Invalid Audit Request. Format is incorrect.", AuditSamples.ErrorMessage(body));
    }

    private async Task<JsonElement> Query(string query)
    {
        var body = await fixture.Kernel.GetFromJsonAsync<JsonElement>(AuditSamples.Route + query);
        Assert.Null(AuditSamples.ErrorCode(body));
        return body.GetProperty("response");
    }

    private static string[] Ids(JsonElement page) =>
        [.. page.GetProperty("data").EnumerateArray().Select(entry => entry.GetProperty("id").GetString()!)];
}
