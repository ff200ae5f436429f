using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Civitas.Host.Tests;

/// <summary>The MOSIP envelope as clients see it: success, business failure and every class of bad input.</summary>
public sealed partial class EnvelopeTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    private const string Echo = "/test/probe/echo";

    [Fact]
    public async Task Success_echoes_id_and_version_with_utc_millisecond_time_and_null_errors()
    {
        using var client = await fixture.Host.CreateAdminClientAsync();
        using var response = await client.PostAsJsonAsync(Echo, new
        {
            id = "mosip.test.echo",
            version = "1.0",
            requesttime = "2026-11-24T10:00:00.000Z",
            request = new { name = "ada", count = 3 },
        });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("mosip.test.echo", body.GetProperty("id").GetString());
        Assert.Equal("1.0", body.GetProperty("version").GetString());
        Assert.Matches(MosipTimePattern(), body.GetProperty("responsetime").GetString());
        Assert.Equal(JsonValueKind.Null, body.GetProperty("errors").ValueKind);
        Assert.Equal("hello ada", body.GetProperty("response").GetProperty("greeting").GetString());
        Assert.Equal(3, body.GetProperty("response").GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Business_failure_is_http_200_with_errors_and_null_response()
    {
        using var client = await fixture.Host.CreateAdminClientAsync();
        using var response = await client.PostAsJsonAsync(Echo, new { id = "x", request = new { name = "taken" } });

        var body = await AssertEnvelopeError(response, HttpStatusCode.OK, "KER-TST-001");
        Assert.Equal("Name is already taken", body.GetProperty("errors")[0].GetProperty("message").GetString());
        Assert.Equal("x", body.GetProperty("id").GetString());
    }

    [Theory]
    [InlineData("{\"request\": {", "malformed JSON")]
    [InlineData("not json at all", "malformed JSON")]
    [InlineData("{\"request\": {\"count\": {\"nested\": true}}}", "$.request.count")]
    [InlineData("{\"request\": {\"count\": 99999999999999999999}}", "$.request.count")]
    [InlineData("{\"id\": \"mosip.test\", \"version\": \"1.0\"}", "request is missing")]
    [InlineData("{\"request\": null}", "request is missing")]
    [InlineData("null", "empty or null")]
    [InlineData("", "malformed JSON")]
    public async Task Unreadable_input_is_http_200_with_the_services_999_code(string json, string expectedDetail)
    {
        using var client = await fixture.Host.CreateAdminClientAsync();
        using var response = await client.PostAsync(Echo, new StringContent(json, Encoding.UTF8, "application/json"));

        var body = await AssertEnvelopeError(response, HttpStatusCode.OK, "KER-TST-999");
        Assert.Contains(expectedDetail, body.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_content_type_is_415_with_the_envelope()
    {
        using var client = await fixture.Host.CreateAdminClientAsync();
        using var response = await client.PostAsync(Echo, new StringContent("{\"request\":{}}", Encoding.UTF8, "text/plain"));

        await AssertEnvelopeError(response, HttpStatusCode.UnsupportedMediaType, "KER-TST-999");
    }

    [Fact]
    public async Task Body_over_the_limit_with_content_length_is_413_with_the_envelope()
    {
        using var admin = await fixture.Host.CreateAdminClientAsync();
        // The host answers 413 from the declared length alone and closes without reading the body. A client
        // that streams the body at once races that close (broken pipe); a client that asks "Expect: 100-continue"
        // waits for the answer first, which is what well-behaved clients sending large bodies do.
        using var handler = new SocketsHttpHandler { Expect100ContinueTimeout = TimeSpan.FromMinutes(1) };
        using var client = new HttpClient(handler) { BaseAddress = admin.BaseAddress };
        client.DefaultRequestHeaders.Authorization = admin.DefaultRequestHeaders.Authorization;
        client.DefaultRequestHeaders.ExpectContinue = true;
        var json = "{\"request\":{\"name\":\"" + new string('a', 1024 * 1024 + 10) + "\"}}";
        using var response = await client.PostAsync(Echo, new StringContent(json, Encoding.UTF8, "application/json"));

        await AssertEnvelopeError(response, HttpStatusCode.RequestEntityTooLarge, "KER-TST-999");
    }

    [Fact]
    public async Task Chunked_body_over_the_limit_is_413_with_the_envelope()
    {
        using var client = await fixture.Host.CreateAdminClientAsync();
        var json = Encoding.UTF8.GetBytes("{\"request\":{\"name\":\"" + new string('a', 1024 * 1024 + 10) + "\"}}");
        // Only just over the limit: when the host stops reading and closes, the few unread bytes are already in
        // the socket buffers, so the client is not left writing into a closed connection.
        var content = new StreamContent(new NonSeekableStream(json));
        content.Headers.ContentType = new("application/json");
        using var request = new HttpRequestMessage(HttpMethod.Post, Echo) { Content = content };
        request.Headers.TransferEncodingChunked = true;
        using var response = await client.SendAsync(request);

        await AssertEnvelopeError(response, HttpStatusCode.RequestEntityTooLarge, "KER-TST-999");
    }

    [Fact]
    public async Task Unexpected_exception_is_500_with_the_envelope_and_no_internals()
    {
        using var client = await fixture.Host.CreateAdminClientAsync();
        using var response = await client.PostAsJsonAsync("/test/probe/explode", new { request = new { count = 1 } });

        var text = await response.Content.ReadAsStringAsync();
        await AssertEnvelopeError(response, HttpStatusCode.InternalServerError, "KER-TST-500");
        Assert.DoesNotContain("secret-internal-detail", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", text, StringComparison.Ordinal);
        Assert.DoesNotContain(" at ", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_response_has_a_request_id_and_a_plain_caller_id_is_kept()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        request.Headers.Add("X-Request-Id", "caller-123");
        using var response = await fixture.Host.Client.SendAsync(request);
        Assert.Equal("caller-123", response.Headers.GetValues("X-Request-Id").Single());

        using var hostile = new HttpRequestMessage(HttpMethod.Get, "/health/live");
        hostile.Headers.TryAddWithoutValidation("X-Request-Id", "<script>");
        using var generated = await fixture.Host.Client.SendAsync(hostile);
        var id = generated.Headers.GetValues("X-Request-Id").Single();
        Assert.NotEqual("<script>", id);
        Assert.False(string.IsNullOrWhiteSpace(id));
    }

    [Theory]
    [InlineData("/test/probe/echo")]
    [InlineData("/test/unprotected")]
    public async Task Routes_without_an_explicit_policy_still_require_a_token(string path)
    {
        using var response = path.EndsWith("echo", StringComparison.Ordinal)
            ? await fixture.Host.Client.PostAsJsonAsync(path, new { request = new { name = "x" } })
            : await fixture.Host.Client.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static async Task<JsonElement> AssertEnvelopeError(HttpResponseMessage response, HttpStatusCode status, string code)
    {
        Assert.Equal(status, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(JsonValueKind.Null, body.GetProperty("response").ValueKind);
        Assert.Equal(code, body.GetProperty("errors")[0].GetProperty("errorCode").GetString());
        Assert.Matches(MosipTimePattern(), body.GetProperty("responsetime").GetString());
        return body;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$")]
    private static partial Regex MosipTimePattern();

    /// <summary>Hides the length so HttpClient must send the body chunked.</summary>
    private sealed class NonSeekableStream(byte[] data) : MemoryStream(data)
    {
        public override bool CanSeek => false;
    }
}
