using System.Text.Json;

namespace Civitas.LinkedData.Tests;

/// <summary>
/// The one list of W3C suite tests we do not claim to pass (SkipList.json: "suite#id" → reason).
/// Listed tests are left out of the suite theories; <see cref="SkipListTests"/> fails when a listed test
/// does not exist or now passes, so the list cannot go stale.
/// </summary>
internal static class SkipList
{
    private static readonly Lazy<IReadOnlyDictionary<string, string>> Entries = new(() =>
    {
        var path = Path.Combine(AppContext.BaseDirectory, "SkipList.json");
        using var doc = JsonDocument.Parse(File.ReadAllText(path));
        return doc.RootElement.EnumerateObject()
            .Where(p => !p.Name.StartsWith('_'))
            .ToDictionary(p => p.Name, p => p.Value.GetString() ?? "", StringComparer.Ordinal);
    });

    public static IReadOnlyDictionary<string, string> All => Entries.Value;

    public static bool Contains(string key) => Entries.Value.ContainsKey(key);
}
