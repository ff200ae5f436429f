using System.Text.Json;

namespace Civitas.LinkedData.Tests;

/// <summary>Reads the W3C rdf-canon manifest (../shared/vectors/rdf-canon/manifest.jsonld).</summary>
internal static class RdfCanonSuite
{
    public sealed record Entry(string Id, string Type, string Action, string? Result, string? HashAlgorithm);

    private static readonly Lazy<IReadOnlyList<Entry>> Manifest = new(Load);

    public static IReadOnlyList<Entry> Entries => Manifest.Value;

    public static string Folder => TestPaths.Vectors("rdf-canon");

    public static Entry Get(string id) => Entries.First(e => e.Id == id);

    public static TheoryData<string> Ids(string type)
    {
        var data = new TheoryData<string>();
        foreach (var e in Entries.Where(e => e.Type == type && !SkipList.Contains("rdf-canon" + e.Id)))
        {
            data.Add(e.Id);
        }

        return data;
    }

    private static List<Entry> Load()
    {
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, "manifest.jsonld")));
        var list = new List<Entry>();
        foreach (var e in doc.RootElement.GetProperty("entries").EnumerateArray())
        {
            var id = e.GetProperty("id").GetString()!;
            list.Add(new Entry(
                id,
                e.GetProperty("type").GetString()!,
                e.GetProperty("action").GetString()!,
                e.TryGetProperty("result", out var r) ? r.GetString() : null,
                e.TryGetProperty("hashAlgorithm", out var h) ? h.GetString() : null));
        }

        return list;
    }
}
