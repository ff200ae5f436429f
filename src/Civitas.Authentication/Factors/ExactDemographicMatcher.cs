using System.Globalization;
using System.Text;
using Civitas.Matching;

namespace Civitas.Authentication.Factors;

/// <summary>
/// Used only when no <see cref="IDemographicMatcher"/> is registered: MOSIP's default EXACT strategy
/// (case- and accent-folded, order-insensitive token sets; 100 or 0). Partial and phonetic fall back to it.
/// </summary>
internal sealed class ExactDemographicMatcher : IDemographicMatcher
{
    public int Score(string requested, string stored, string language, MatchStrategy strategy) =>
        Tokens(requested).SetEquals(Tokens(stored)) ? 100 : 0;

    private static HashSet<string> Tokens(string text)
    {
        var folded = new StringBuilder(text.Length);
        foreach (var c in text.Normalize(NormalizationForm.FormD))
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }
            folded.Append(char.IsLetterOrDigit(c) ? char.ToUpperInvariant(c) : ' ');
        }
        return new HashSet<string>(folded.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries), StringComparer.Ordinal);
    }
}
