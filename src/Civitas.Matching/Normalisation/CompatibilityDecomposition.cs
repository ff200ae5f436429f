using System.Collections.Frozen;
using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Text;

namespace Civitas.Matching.Normalisation;

/// <summary>
/// Unicode compatibility decomposition (NFKD) for the blocks names and addresses use. Civitas runs in
/// globalization-invariant mode, where <see cref="string.Normalize()"/> changes nothing, so the mapping is carried
/// as data (<c>compatibility-decompositions.txt</c>, generated from the Unicode Character Database).
/// </summary>
/// <remarks>
/// Decomposing (rather than composing, as NFKC does) gives the same equality: two strings are NFKC-equal exactly
/// when they are NFKD-equal. Tokens are only compared, never shown, so their decomposed form is fine.
/// </remarks>
internal static class CompatibilityDecomposition
{
    private static readonly FrozenDictionary<char, string> Table = Load();

    /// <summary>The decomposition of <paramref name="character"/>, or false when it has none (it stands for itself).</summary>
    public static bool TryDecompose(char character, [NotNullWhen(true)] out string? decomposed) =>
        Table.TryGetValue(character, out decomposed);

    private static FrozenDictionary<char, string> Load()
    {
        using var stream = typeof(CompatibilityDecomposition).Assembly
            .GetManifestResourceStream("Civitas.Matching.compatibility-decompositions.txt")
            ?? throw new InvalidOperationException("The compatibility decomposition table is missing from Civitas.Matching.");
        using var reader = new StreamReader(stream, Encoding.UTF8);
        var table = new Dictionary<char, string>();
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line[0] == '#')
            {
                continue;
            }

            var fields = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var decomposed = new StringBuilder(fields.Length - 1);
            for (var i = 1; i < fields.Length; i++)
            {
                decomposed.Append((char)ushort.Parse(fields[i], NumberStyles.HexNumber, CultureInfo.InvariantCulture));
            }

            table[(char)ushort.Parse(fields[0], NumberStyles.HexNumber, CultureInfo.InvariantCulture)] = decomposed.ToString();
        }

        return table.ToFrozenDictionary();
    }
}
