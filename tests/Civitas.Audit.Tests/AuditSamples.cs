using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Civitas.Audit.Tests;

/// <summary>Valid audit requests and events to start from; tests change one thing at a time.</summary>
internal static class AuditSamples
{
    public const string Route = "/v1/auditmanager/audits";

    public static JsonObject Request(string eventType = "System Event", string id = "15426388761562", string actionTime = "2018-10-04T05:57:20.929Z") => new()
    {
        ["eventId"] = "KER-AUD-EVT-01",
        ["eventName"] = "Periodic Scan",
        ["eventType"] = eventType,
        ["actionTimeStamp"] = actionTime,
        ["hostName"] = "registration-1",
        ["hostIp"] = "10.0.0.12",
        ["applicationId"] = "1",
        ["applicationName"] = "Registration",
        ["sessionUserId"] = "110011",
        ["sessionUserName"] = "officer",
        ["id"] = id,
        ["idType"] = "Unique Id",
        ["createdBy"] = "scheduler",
        ["moduleName"] = "Schedulor",
        ["moduleId"] = "SCHE93",
        ["description"] = "Example description",
    };

    public static AuditEvent Event(int n, string eventType = "Library Event") => new()
    {
        EventId = "LIB-" + n,
        EventName = "Library write",
        EventType = eventType,
        ActionTime = new DateTimeOffset(2026, 11, 24, 10, 0, 0, TimeSpan.Zero).AddTicks(n * 10L + 7),
        HostName = "node-a",
        HostIp = "127.0.0.1",
        ApplicationId = "civitas",
        ApplicationName = "Civitas",
        SessionUserId = "user-" + (n % 7),
        SessionUserName = "User",
        ReferenceId = "ref-" + n,
        ReferenceIdType = "test",
        CreatedBy = "tests",
        Description = n % 3 == 0 ? null : "event number " + n,
    };

    public static async Task<JsonElement> PostAsync(HttpClient client, JsonObject request, string path = Route)
    {
        using var response = await client.PostAsJsonAsync(path, new JsonObject
        {
            ["id"] = "mosip.kernel.audit",
            ["version"] = "1.0",
            ["requesttime"] = "2026-11-24T10:00:00.000Z",
            ["request"] = request,
        });
        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    public static string? ErrorCode(JsonElement body) =>
        body.GetProperty("errors").ValueKind == JsonValueKind.Array ? body.GetProperty("errors")[0].GetProperty("errorCode").GetString() : null;

    public static string? ErrorMessage(JsonElement body) =>
        body.GetProperty("errors").ValueKind == JsonValueKind.Array ? body.GetProperty("errors")[0].GetProperty("message").GetString() : null;
}
