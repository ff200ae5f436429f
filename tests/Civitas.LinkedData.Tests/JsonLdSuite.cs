using System.Text.Json;
using Civitas.LinkedData.JsonLd;

namespace Civitas.LinkedData.Tests;

/// <summary>
/// Reads the W3C JSON-LD 1.1 API test manifests (../shared/vectors/jsonld/*-manifest.jsonld). Tests whose
/// specVersion is json-ld-1.0 are outside this processor's mode (JSON-LD 1.1) and are not listed; everything else
/// is a theory case unless SkipList.json names it.
/// </summary>
internal static class JsonLdSuite
{
    public const string TestBase = "https://w3c.github.io/json-ld-api/tests/";

    public sealed record Entry(
        string Suite,
        string Id,
        IReadOnlyList<string> Types,
        string Input,
        string? Expect,
        string? ErrorCode,
        JsonElement Option)
    {
        public string Key => Suite + Id;

        public bool IsNegative => Types.Contains("jld:NegativeEvaluationTest");

        public bool IsSyntax => Types.Contains("jld:PositiveSyntaxTest");

        public string? OptionString(string name) =>
            Option.ValueKind == JsonValueKind.Object && Option.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

        public bool OptionBool(string name) =>
            Option.ValueKind == JsonValueKind.Object && Option.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.True;
    }

    private static readonly Dictionary<string, Lazy<IReadOnlyList<Entry>>> Manifests = new()
    {
        ["expand"] = new(() => Load("expand")),
        ["toRdf"] = new(() => Load("toRdf")),
    };

    public static string Folder => TestPaths.Vectors("jsonld");

    /// <summary>All entries of a manifest in JSON-LD 1.1 scope, skipped ones included.</summary>
    public static IReadOnlyList<Entry> Entries(string suite) => Manifests[suite].Value;

    public static Entry Get(string suite, string id) => Entries(suite).First(e => e.Id == id);

    public static TheoryData<string> Ids(string suite, Func<Entry, bool> filter)
    {
        var data = new TheoryData<string>();
        foreach (var e in Entries(suite).Where(e => filter(e) && !SkipList.Contains(e.Key)))
        {
            data.Add(e.Id);
        }

        return data;
    }

    public static string Read(string relative) => File.ReadAllText(Path.Combine(Folder, relative));

    public static JsonLdOptions Options(Entry e) => new()
    {
        Base = e.OptionString("base") ?? TestBase + e.Input,
        ProcessingMode = e.OptionString("processingMode") ?? "json-ld-1.1",
        ExpandContext = e.OptionString("expandContext") is { } ctx ? Read(ctx) : null,
        RdfDirection = e.OptionString("rdfDirection"),
        DocumentLoader = new SuiteDocumentLoader(Folder),
    };

    private static List<Entry> Load(string suite)
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, suite + "-manifest.jsonld")));
        var list = new List<Entry>();
        foreach (var e in doc.RootElement.GetProperty("sequence").EnumerateArray())
        {
            var option = e.TryGetProperty("option", out var o) ? o.Clone() : default;
            if (option.ValueKind == JsonValueKind.Object && option.TryGetProperty("specVersion", out var sv) && sv.GetString() == "json-ld-1.0")
            {
                continue;
            }

            list.Add(new Entry(
                suite,
                e.GetProperty("@id").GetString()!,
                [.. e.GetProperty("@type").EnumerateArray().Select(t => t.GetString()!)],
                e.GetProperty("input").GetString()!,
                e.TryGetProperty("expect", out var x) ? x.GetString() : null,
                e.TryGetProperty("expectErrorCode", out var c) ? c.GetString() : null,
                option));
        }

        return list;
    }

    /// <summary>Serves the suite's https://w3c.github.io/json-ld-api/tests/ documents from the local vectors folder.</summary>
    private sealed class SuiteDocumentLoader(string folder) : IDocumentLoader
    {
        public RemoteDocument Load(string url)
        {
            if (!url.StartsWith(TestBase, StringComparison.Ordinal))
            {
                throw new JsonLdException("loading document failed", $"{url} is outside the test suite");
            }

            var path = Path.Combine(folder, url[TestBase.Length..]);
            if (!File.Exists(path))
            {
                throw new JsonLdException("loading document failed", $"{url} does not exist");
            }

            return new RemoteDocument(url, File.ReadAllText(path));
        }
    }
}
