using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Civitas.Host.Tests;

/// <summary>Health probes and API documentation, reachable without a token.</summary>
public sealed partial class OperabilityTests(HostFixture fixture) : IClassFixture<HostFixture>
{
    [Fact]
    public async Task Liveness_and_readiness_answer_200_healthy()
    {
        using var live = await fixture.Host.Client.GetAsync("/health/live");
        using var ready = await fixture.Host.Client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Equal("Healthy", await ready.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task OpenApi_document_lists_routes_and_the_token_flow()
    {
        using var response = await fixture.Host.Client.GetAsync("/openapi/v1.json");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = await response.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal("Civitas", document.GetProperty("info").GetProperty("title").GetString());
        Assert.True(document.GetProperty("paths").TryGetProperty("/v1/admin/clients", out _));
        // Protected routes name the bearer scheme and the scope they need.
        var list = document.GetProperty("paths").GetProperty("/v1/admin/clients").GetProperty("get");
        Assert.Equal("civitas.admin", list.GetProperty("security")[0].GetProperty("bearer")[0].GetString());

        // Routes that read a MOSIP envelope show it as their JSON request body.
        var echo = document.GetProperty("paths").GetProperty("/test/probe/echo").GetProperty("post");
        Assert.True(echo.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        var scheme = document.GetProperty("components").GetProperty("securitySchemes").GetProperty("bearer");
        Assert.Equal("/connect/token", scheme.GetProperty("flows").GetProperty("clientCredentials").GetProperty("tokenUrl").GetString());
    }

    [Fact]
    public async Task Docs_page_is_served_with_its_script_from_this_host()
    {
        using var response = await fixture.Host.Client.GetAsync("/docs");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("<html", html, StringComparison.OrdinalIgnoreCase);

        // The page must work offline: every script it loads comes from this host.
        var scripts = ScriptSources().Matches(html).Select(match => match.Groups["src"].Value).ToList();
        Assert.NotEmpty(scripts);
        foreach (var src in scripts)
        {
            Assert.False(Uri.TryCreate(src, UriKind.Absolute, out var absolute) && absolute.Host != fixture.Host.BaseAddress.Host, $"external script {src}");
            using var script = await fixture.Host.Client.GetAsync(new Uri(new Uri(fixture.Host.BaseAddress, "/docs/"), src));
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
        }
    }

    [GeneratedRegex("<script[^>]*src=\"(?<src>[^\"]+)\"", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptSources();
}
