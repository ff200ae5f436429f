using Civitas.Matching.Normalisation;
using Civitas.Matching.Phonetics;

namespace Civitas.Matching.Demographics;

/// <summary>The built-in <see cref="IDemographicMatcher"/>: normalise both values to token sets, then score by strategy.</summary>
internal sealed class DemographicMatcher : IDemographicMatcher
{
    /// <summary>Longer values score 0 unread: no name or address is this long, and the work stays bounded.</summary>
    internal const int MaximumValueLength = 4096;

    public int Score(string requested, string stored, string language, MatchStrategy strategy)
    {
        if (requested is null || stored is null || requested.Length > MaximumValueLength || stored.Length > MaximumValueLength)
        {
            return 0;
        }

        var requestedTokens = TextNormaliser.Tokens(requested, language);
        var storedTokens = TextNormaliser.Tokens(stored, language);
        return strategy switch
        {
            MatchStrategy.Exact => TokenSetScores.Exact(requestedTokens, storedTokens),
            MatchStrategy.Partial => TokenSetScores.Overlap(requestedTokens, storedTokens),
            MatchStrategy.Phonetic => TokenSetScores.Overlap(requestedTokens, storedTokens, PhoneticKeys.For(language)),
            _ => 0,
        };
    }
}
