using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Civitas.Keys.Tests.Http;

/// <summary>Sends MOSIP envelopes and reads the answer the way a MOSIP client would.</summary>
internal static class MosipCall
{
    public static async Task<JsonElement> PostAsync(HttpClient client, string path, object request, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.PostAsJsonAsync(path, new { id = "mosip.test", version = "1.0", requesttime = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture), request });
        return await Read(response, expected);
    }

    public static async Task<JsonElement> PutAsync(HttpClient client, string path, object request)
    {
        using var response = await client.PutAsJsonAsync(path, new { id = "mosip.test", version = "1.0", request });
        return await Read(response, HttpStatusCode.OK);
    }

    public static async Task<JsonElement> GetAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return await Read(response, HttpStatusCode.OK);
    }

    public static async Task<JsonElement> RawPostAsync(HttpClient client, string path, string json)
    {
        using var content = new StringContent(json, System.Text.Encoding.UTF8, "application/json");
        using var response = await client.PostAsync(path, content);
        return await Read(response, HttpStatusCode.OK);
    }

    /// <summary>The <c>response</c> object; fails the test with the errors when there are any.</summary>
    public static JsonElement Response(this JsonElement envelope)
    {
        var errors = envelope.GetProperty("errors");
        Assert.True(errors.ValueKind == JsonValueKind.Null, "unexpected errors: " + errors);
        return envelope.GetProperty("response");
    }

    /// <summary>The first error code; fails when the call succeeded.</summary>
    public static string ErrorCode(this JsonElement envelope)
    {
        Assert.Equal(JsonValueKind.Null, envelope.GetProperty("response").ValueKind);
        return envelope.GetProperty("errors")[0].GetProperty("errorCode").GetString()!;
    }

    public static string Text(this JsonElement element, string name) => element.GetProperty(name).GetString()!;

    private static async Task<JsonElement> Read(HttpResponseMessage response, HttpStatusCode expected)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.StatusCode == expected, $"HTTP {(int)response.StatusCode}: {body}");
        var json = JsonDocument.Parse(body).RootElement.Clone();
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        return json;
    }
}
