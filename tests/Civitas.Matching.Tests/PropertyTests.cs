using Civitas.Matching.Demographics;
using Civitas.Matching.Normalisation;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Microsoft.Extensions.DependencyInjection;

namespace Civitas.Matching.Tests;

/// <summary>Text drawn from the characters the rules treat specially, so generated cases exercise them.</summary>
public sealed record Text(string Value)
{
    public override string ToString() => string.Concat(Value.Select(c => c < 128 ? c.ToString() : $"\\u{(int)c:X4}"));
}

/// <summary>One of the languages whose rules differ (Latin, French phonetics, Arabic, unknown, none).</summary>
public sealed record Language(string Code);

/// <summary>A non-zero finite feature vector.</summary>
public sealed record FeatureVector(float[] Values);

public static class MatchingArbitraries
{
    private const string Alphabet =
        "aAbBcCeEhHjJkKnNoOpPsStTwWyY \t\u00A0-'’.,éÉèÈçÇïßẞøØæÆœ\u0301\u0308\u0323ﬁＡｂİı" +
        "أإآاةهىيوؤئءـَُِّْٰ٠١٢۳ محمدعرسصطبنفق" + "ﻣﺤﻻ" + "ΣσςЖж12" + "\uD835\uDC00";

    public static Arbitrary<Text> Text() =>
        Gen.ArrayOf(Gen.Elements(Alphabet.ToCharArray())).Select(chars => new Tests.Text(new string(chars))).ToArbitrary();

    public static Arbitrary<Language> Language() =>
        Gen.Elements("eng", "fra", "ara", "xyz", "").Select(code => new Tests.Language(code)).ToArbitrary();

    public static Arbitrary<FeatureVector> FeatureVector() =>
        Gen.Choose(1, 64)
            .SelectMany(length => Gen.ArrayOf(Gen.Choose(-1000, 1000).Select(value => value / 100f), length))
            .Where(values => values.Any(value => value != 0))
            .Select(values => new Tests.FeatureVector(values))
            .ToArbitrary();
}

[Properties(Arbitrary = [typeof(MatchingArbitraries)], MaxTest = 300)]
public sealed class PropertyTests
{
    private static readonly IDemographicMatcher Matcher = new DemographicMatcher();
    private static readonly IBiometricMatchers Biometrics = TestServices.Build().GetRequiredService<IBiometricMatchers>();

    [Property]
    public bool Normalisation_is_idempotent(Text text, Language language)
    {
        var once = TextNormaliser.Tokens(text.Value, language.Code);
        var twice = TextNormaliser.Tokens(string.Join(' ', once), language.Code);
        return once.SetEquals(twice);
    }

    [Property]
    public bool Exact_is_symmetric(Text first, Text second, Language language) =>
        Matcher.Score(first.Value, second.Value, language.Code, MatchStrategy.Exact)
        == Matcher.Score(second.Value, first.Value, language.Code, MatchStrategy.Exact);

    [Property]
    public bool Scores_stay_between_0_and_100(Text first, Text second, Language language) =>
        Enum.GetValues<MatchStrategy>().All(strategy => Matcher.Score(first.Value, second.Value, language.Code, strategy) is >= 0 and <= 100);

    [Property]
    public bool A_value_matches_itself_fully_under_every_strategy_when_it_has_tokens(Text text, Language language)
    {
        var expected = TextNormaliser.Tokens(text.Value, language.Code).Count > 0 ? 100 : 0;
        return Enum.GetValues<MatchStrategy>().All(strategy => Matcher.Score(text.Value, text.Value, language.Code, strategy) == expected);
    }

    [Property]
    public bool Token_order_does_not_count(Text text, Language language)
    {
        var reversed = string.Join(' ', text.Value.Split(' ').Reverse());
        return Matcher.Score(text.Value, reversed, language.Code, MatchStrategy.Exact)
            == Matcher.Score(text.Value, text.Value, language.Code, MatchStrategy.Exact);
    }

    [Property]
    public bool Partial_is_never_below_exact_and_phonetic_never_below_partial(Text first, Text second, Language language)
    {
        var exact = Matcher.Score(first.Value, second.Value, language.Code, MatchStrategy.Exact);
        var partial = Matcher.Score(first.Value, second.Value, language.Code, MatchStrategy.Partial);
        var phonetic = Matcher.Score(first.Value, second.Value, language.Code, MatchStrategy.Phonetic);
        return partial >= exact && phonetic >= partial;
    }

    [Property]
    public bool Cosine_ignores_positive_scale_and_flips_with_sign(FeatureVector vector, PositiveInt scale)
    {
        var scaled = vector.Values.Select(value => value * scale.Get).ToArray();
        var negated = vector.Values.Select(value => -value).ToArray();
        var finger = Biometrics.For("Finger")!;
        var same = finger.Match(Vectors.Of(vector.Values), [Vectors.Of(scaled)]);
        var opposite = finger.Match(Vectors.Of(vector.Values), [Vectors.Of(negated)]);
        return same.IsMatch && Math.Abs(same.BestScore - 1) < 1e-9 && !opposite.IsMatch && Math.Abs(opposite.BestScore + 1) < 1e-9;
    }

    [Property]
    public bool Cosine_is_symmetric(FeatureVector first, FeatureVector second)
    {
        var length = Math.Min(first.Values.Length, second.Values.Length);
        byte[] a = Vectors.Of(first.Values[..length]), b = Vectors.Of(second.Values[..length]);
        var face = Biometrics.For("Face")!;
        BiometricMatch ab = face.Match(a, [b]), ba = face.Match(b, [a]);
        return ab.Problem == ba.Problem && Math.Abs(ab.BestScore - ba.BestScore) < 1e-12;
    }

    [Property]
    public bool Arbitrary_bytes_never_throw_and_score_within_bounds(byte[] probe, byte[][] references)
    {
        var match = Biometrics.For("Iris")!.Match(probe ?? [], [.. (references ?? []).Select(reference => (ReadOnlyMemory<byte>)(reference ?? []))]);
        return match.Problem is not null
            ? !match.IsMatch && match.BestScore == 0
            : match.BestScore is >= -1 and <= 1;
    }
}
