using System.Text.Json;
using Civitas.LinkedData.JsonLd;

namespace Civitas.LinkedData.Tests;

/// <summary>
/// The W3C remote-doc tests. There is no HTTP here: <see cref="SimulatedHttpLoader"/> plays the test server from the
/// manifest options (content type, redirects, Link headers) over the local vectors folder, following the JSON-LD 1.1
/// API's LoadDocumentCallback rules; the processor then uses the final URL as base and the linked context.
/// </summary>
internal static class RemoteDocSuite
{
    public sealed record Entry(string Id, bool Negative, string Input, string? Expect, string? ErrorCode, JsonElement Option)
    {
        public string Key => "remote-doc" + Id;

        public string? OptionString(string name) =>
            Option.ValueKind == JsonValueKind.Object && Option.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        public IReadOnlyList<string> Links =>
            Option.ValueKind == JsonValueKind.Object && Option.TryGetProperty("httpLink", out var v)
                ? v.ValueKind == JsonValueKind.Array ? [.. v.EnumerateArray().Select(l => l.GetString()!)] : [v.GetString()!]
                : [];
    }

    private static readonly Lazy<IReadOnlyList<Entry>> Manifest = new(Load);

    public static IReadOnlyList<Entry> Entries => Manifest.Value;

    public static Entry Get(string id) => Entries.First(e => e.Id == id);

    public static TheoryData<string> Ids()
    {
        var data = new TheoryData<string>();
        foreach (var e in Entries.Where(e => !SkipList.Contains(e.Key)))
        {
            data.Add(e.Id);
        }

        return data;
    }

    public static void Run(Entry e)
    {
        var loader = new SimulatedHttpLoader(JsonLdSuite.Folder, e);
        var options = new JsonLdOptions { DocumentLoader = loader };
        if (e.Negative)
        {
            var ex = Assert.Throws<JsonLdException>(() => JsonLdProcessor.Expand(loader.Load(JsonLdSuite.TestBase + e.Input), options));
            Assert.Equal(e.ErrorCode, ex.Code);
            return;
        }

        var actual = JsonLdProcessor.Expand(loader.Load(JsonLdSuite.TestBase + e.Input), options);
        using var expected = JsonDocument.Parse(JsonLdSuite.Read(e.Expect!));
        using var got = JsonDocument.Parse(actual);
        Assert.True(JsonLdEquality.Equal(expected.RootElement, got.RootElement), $"expected:\n{expected.RootElement}\nactual:\n{actual}");
    }

    private static List<Entry> Load()
    {
        using var doc = JsonDocument.Parse(JsonLdSuite.Read("remote-doc-manifest.jsonld"));
        return [.. doc.RootElement.GetProperty("sequence").EnumerateArray().Select(e => new Entry(
            e.GetProperty("@id").GetString()!,
            e.GetProperty("@type").EnumerateArray().Any(t => t.GetString() == "jld:NegativeEvaluationTest"),
            e.GetProperty("input").GetString()!,
            e.TryGetProperty("expect", out var x) ? x.GetString() : null,
            e.TryGetProperty("expectErrorCode", out var c) ? c.GetString() : null,
            e.TryGetProperty("option", out var o) ? o.Clone() : default))];
    }

    private sealed class SimulatedHttpLoader(string folder, Entry test) : IDocumentLoader
    {
        private const string ContextRel = "rel=\"http://www.w3.org/ns/json-ld#context\"";

        public RemoteDocument Load(string url)
        {
            var isTestInput = url == JsonLdSuite.TestBase + test.Input;
            if (isTestInput && test.OptionString("redirectTo") is { } target)
            {
                url = JsonLdSuite.TestBase + target;
            }

            var path = url.StartsWith(JsonLdSuite.TestBase, StringComparison.Ordinal) ? Path.Combine(folder, url[JsonLdSuite.TestBase.Length..]) : null;
            if (path is null || !File.Exists(path))
            {
                throw new JsonLdException("loading document failed", $"404 {url}");
            }

            var contentType = (isTestInput ? test.OptionString("contentType") : null) ?? Path.GetExtension(path) switch
            {
                ".jsonld" => "application/ld+json",
                ".json" => "application/json",
                ".html" => "text/html",
                _ => "application/octet-stream",
            };
            var links = isTestInput ? test.Links : [];
            var isJson = contentType is "application/json" or "application/ld+json" || contentType.EndsWith("+json", StringComparison.Ordinal);

            if (!isJson)
            {
                var alternate = links.FirstOrDefault(l => l.Contains("rel=\"alternate\"", StringComparison.Ordinal) &&
                                                          l.Contains("type=\"application/ld+json\"", StringComparison.Ordinal));
                if (alternate is not null)
                {
                    return Load(Iri.Resolve(url, Target(alternate)));
                }

                throw new JsonLdException("loading document failed", $"{url} is {contentType}, not JSON");
            }

            string? contextUrl = null;
            if (contentType != "application/ld+json")
            {
                var contextLinks = links.Where(l => l.Contains(ContextRel, StringComparison.Ordinal)).ToList();
                if (contextLinks.Count > 1)
                {
                    throw new JsonLdException("multiple context link headers", $"{url} links {contextLinks.Count} contexts");
                }

                contextUrl = contextLinks.Count == 1 ? Iri.Resolve(url, Target(contextLinks[0])) : null;
            }

            return new RemoteDocument(url, File.ReadAllText(path), contextUrl);
        }

        private static string Target(string link) => link[(link.IndexOf('<', StringComparison.Ordinal) + 1)..link.IndexOf('>', StringComparison.Ordinal)];
    }
}
