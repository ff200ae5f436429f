namespace Civitas.Matching.Demographics;

/// <summary>Scores (0–100) between two token sets, shared by the exact, partial and phonetic strategies.</summary>
internal static class TokenSetScores
{
    /// <summary>100 when both sets hold the same tokens, else 0; two empty values never match (nothing was presented).</summary>
    public static int Exact(IReadOnlySet<string> requested, IReadOnlySet<string> stored) =>
        requested.Count > 0 && requested.SetEquals(stored) ? 100 : 0;

    /// <summary>
    /// The share of requested tokens found among the stored ones, rounded down: "Ada Lovelace" against
    /// "Ada King Lovelace" is 100, "Ada Byron" is 50. A requested token of one letter (an initial, "A." or "A")
    /// that is not itself stored counts half when a stored token of two or more letters starts with it; longer
    /// prefixes count nothing ("Love" does not match "Lovelace"), so only a full name can reach 100.
    /// With <paramref name="soundKey"/> (the phonetic strategy) a token is also found when a stored token has the
    /// same key, so phonetic never scores below partial.
    /// </summary>
    public static int Overlap(IReadOnlySet<string> requested, IReadOnlySet<string> stored, Func<string, string>? soundKey = null)
    {
        if (requested.Count == 0 || stored.Count == 0)
        {
            return 0;
        }

        var storedKeys = soundKey is null ? null : stored.Select(soundKey).ToHashSet(StringComparer.Ordinal);

        // Half points keep the arithmetic in integers: 2 for a token found, 1 for an initial.
        var halfPoints = 0;
        foreach (var token in requested)
        {
            if (stored.Contains(token) || (storedKeys is not null && storedKeys.Contains(soundKey!(token))))
            {
                halfPoints += 2;
            }
            else if (IsInitial(token) && StartsAny(stored, token[0]))
            {
                halfPoints += 1;
            }
        }

        return 100 * halfPoints / (2 * requested.Count);
    }

    private static bool IsInitial(string token) => token.Length == 1 && char.IsLetter(token[0]);

    private static bool StartsAny(IReadOnlySet<string> stored, char initial)
    {
        foreach (var token in stored)
        {
            if (token.Length > 1 && token[0] == initial)
            {
                return true;
            }
        }

        return false;
    }
}
