namespace Civitas.Matching;

/// <summary>Reads the <c>matchingStrategy</c> a MOSIP request may carry per attribute.</summary>
public static class MatchStrategyNames
{
    /// <summary>
    /// MOSIP's codes <c>E</c>, <c>P</c>, <c>PH</c> and the names <c>EXACT</c>, <c>PARTIAL</c>, <c>PHONETIC</c>
    /// (also <c>PHONETICS</c>), in any case; false for anything else, including numbers (no enum casts from input).
    /// </summary>
    public static bool TryParse(string? value, out MatchStrategy strategy)
    {
        switch (value?.Trim().ToUpperInvariant())
        {
            case "E" or "EXACT":
                strategy = MatchStrategy.Exact;
                return true;
            case "P" or "PARTIAL":
                strategy = MatchStrategy.Partial;
                return true;
            case "PH" or "PHONETIC" or "PHONETICS":
                strategy = MatchStrategy.Phonetic;
                return true;
            default:
                strategy = default;
                return false;
        }
    }
}
