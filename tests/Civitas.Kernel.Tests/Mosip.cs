using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Civitas.Kernel.Tests;

/// <summary>Small helpers for MOSIP envelopes as a client sees them.</summary>
internal static class MosipClient
{
    public static async Task<JsonElement> PostAsync(this HttpClient client, string path, object request)
    {
        using var response = await client.PostAsJsonAsync(path, new { id = "mosip.test", version = "1.0", requesttime = "2026-11-24T10:00:00.000Z", request });
        return await ReadAsync(response);
    }

    public static async Task<JsonElement> PutAsync(this HttpClient client, string path, object request)
    {
        using var response = await client.PutAsJsonAsync(path, new { id = "mosip.test", version = "1.0", requesttime = "2026-11-24T10:00:00.000Z", request });
        return await ReadAsync(response);
    }

    public static async Task<JsonElement> GetEnvelopeAsync(this HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return await ReadAsync(response);
    }

    public static async Task<JsonElement> ReadAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>The response object, after checking there are no errors.</summary>
    public static JsonElement Ok(this JsonElement body)
    {
        Assert.True(body.GetProperty("errors").ValueKind == JsonValueKind.Null, body.ToString());
        return body.GetProperty("response");
    }

    /// <summary>Asserts a business error with exactly this code and message, and no response.</summary>
    public static void AssertError(this JsonElement body, string code, string message)
    {
        Assert.Equal(JsonValueKind.Null, body.GetProperty("response").ValueKind);
        var error = Assert.Single(body.GetProperty("errors").EnumerateArray());
        Assert.Equal(code, error.GetProperty("errorCode").GetString());
        Assert.StartsWith(message, error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    public static string Str(this JsonElement element, string name) => element.GetProperty(name).GetString()!;
}
