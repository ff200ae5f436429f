namespace Civitas.Matching;

/// <summary>How two demographic values are compared (MOSIP's matching strategies).</summary>
public enum MatchStrategy
{
    /// <summary>Normalised, order-insensitive token sets must be equal (the default; threshold 100).</summary>
    Exact,

    /// <summary>Share of the requested tokens found among the stored ones.</summary>
    Partial,

    /// <summary>Tokens compared by a phonetic key of their language (misspellings that sound alike still match).</summary>
    Phonetic,
}

/// <summary>Compares one requested demographic value with the stored one in the same language.</summary>
public interface IDemographicMatcher
{
    /// <summary>
    /// A score from 0 (nothing alike) to 100 (the same after normalisation) under <paramref name="strategy"/>;
    /// the caller compares it with its threshold. <paramref name="language"/> is an ISO 639-3 code (e.g. <c>eng</c>,
    /// <c>fra</c>, <c>ara</c>) and selects normalisation and phonetics; unknown languages get the generic rules.
    /// </summary>
    int Score(string requested, string stored, string language, MatchStrategy strategy);
}
