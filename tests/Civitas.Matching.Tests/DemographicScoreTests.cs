using Civitas.Matching.Demographics;

namespace Civitas.Matching.Tests;

/// <summary>Known scores of the three strategies in English, French and Arabic (names as the synthetic residents carry them).</summary>
public sealed class DemographicScoreTests
{
    private readonly IDemographicMatcher matcher = new DemographicMatcher();

    [Theory]
    [InlineData("Ada Lovelace", "lovelace  ADA", "eng", 100)]
    [InlineData("Ada Lovelace", "Ada King Lovelace", "eng", 0)]
    [InlineData("Ada Lovelace", "Ada Lovelac", "eng", 0)]
    [InlineData("Amina Diallo", "Amina Diallo", "eng", 100)]
    [InlineData("Éloïse Traoré", "Eloise TRAORE", "fra", 100)]
    [InlineData("Féminin", "feminin", "fra", 100)]
    [InlineData("أمينة ديالو", "امينه ديالو", "ara", 100)]
    [InlineData("ليلى حداد", "حداد ليلي", "ara", 100)]
    [InlineData("يوسف بن علي", "يوسف بنعلي", "ara", 0)]
    [InlineData("", "", "eng", 0)]
    [InlineData("...", "!!!", "eng", 0)]
    public void Exact_is_all_or_nothing_over_normalised_token_sets(string requested, string stored, string language, int expected) =>
        Assert.Equal(expected, matcher.Score(requested, stored, language, MatchStrategy.Exact));

    [Theory]
    [InlineData("Ada Lovelace", "Ada King Lovelace", "eng", 100)]
    [InlineData("Ada Byron", "Ada King Lovelace", "eng", 50)]
    [InlineData("A. Lovelace", "Ada King Lovelace", "eng", 75)]  // an initial counts half
    [InlineData("A Lovelace", "Ada King Lovelace", "eng", 75)]
    [InlineData("B. Lovelace", "Ada King Lovelace", "eng", 50)]  // a wrong initial counts nothing
    [InlineData("Love Ada", "Ada Lovelace", "eng", 50)]          // longer prefixes count nothing
    [InlineData("Ada King Lovelace", "Ada Lovelace", "eng", 66)] // rounded down
    [InlineData("Fatou Ndiaye", "FATOU NDIAYE SOW", "fra", 100)]
    [InlineData("Rue des Palmiers", "12 rue des palmiers", "fra", 100)]
    [InlineData("يوسف بن علي", "يوسف", "ara", 33)]
    [InlineData("يوسف", "يُوسُف بن علي", "ara", 100)]
    [InlineData("", "Ada", "eng", 0)]
    [InlineData("Ada", "", "eng", 0)]
    public void Partial_is_the_share_of_requested_tokens_found(string requested, string stored, string language, int expected) =>
        Assert.Equal(expected, matcher.Score(requested, stored, language, MatchStrategy.Partial));

    [Theory]
    [InlineData("Jon Smyth", "John Smith", "eng", 100)]
    [InlineData("Mohamed", "Muhammad", "eng", 100)]
    [InlineData("Katherine", "Catherine", "eng", 100)]
    [InlineData("Jon Smyth", "John Brown", "eng", 50)]
    [InlineData("Amina", "Karim", "eng", 0)]
    [InlineData("P. Smyth", "Phillip Smith", "eng", 75)]   // initials count half, by letter, as in partial
    [InlineData("Phillip Smyth", "Philip Smith", "eng", 100)]
    [InlineData("Dupond", "Dupont", "fra", 100)]
    [InlineData("Philippe", "Filipe", "fra", 100)]
    [InlineData("Traoré", "Traore", "fra", 100)]
    [InlineData("Hélène", "Elene", "fra", 100)]
    [InlineData("عمرو", "عمر", "ara", 100)]
    [InlineData("صمير", "سمير", "ara", 100)]
    [InlineData("ليلى خليل", "ليلي خليل", "ara", 100)]
    [InlineData("كريم", "سمير", "ara", 0)]
    public void Phonetic_scores_sound_alike_tokens_as_found(string requested, string stored, string language, int expected) =>
        Assert.Equal(expected, matcher.Score(requested, stored, language, MatchStrategy.Phonetic));

    [Fact]
    public void Phonetic_never_scores_below_partial_for_the_same_values()
    {
        Assert.True(matcher.Score("Ada Byron", "Ada Lovelace", "eng", MatchStrategy.Phonetic)
            >= matcher.Score("Ada Byron", "Ada Lovelace", "eng", MatchStrategy.Partial));
    }

    [Fact]
    public void Oversized_or_missing_values_score_zero()
    {
        var huge = new string('a', DemographicMatcher.MaximumValueLength + 1);
        Assert.Equal(0, matcher.Score(huge, huge, "eng", MatchStrategy.Exact));
        Assert.Equal(0, matcher.Score(null!, "Ada", "eng", MatchStrategy.Exact));
        Assert.Equal(0, matcher.Score("Ada", "Ada", "eng", (MatchStrategy)42));
    }
}
