using Microsoft.Extensions.DependencyInjection;

namespace Civitas.Matching.Tests;

/// <summary>Cosine known answers, thresholds from configuration and every refusal of the built-in matcher.</summary>
public sealed class FeatureVectorMatcherTests
{
    private static IBiometricMatcher Matcher(string modality, Dictionary<string, string?>? settings = null) =>
        TestServices.Build(settings).GetRequiredService<IBiometricMatchers>().For(modality)!;

    private static BiometricMatch Match(string modality, byte[] probe, params byte[][] references) =>
        Matcher(modality).Match(probe, [.. references.Select(reference => (ReadOnlyMemory<byte>)reference)]);

    [Theory]
    [InlineData(new float[] { 1, 0 }, new float[] { 0, 1 }, 0.0)]                 // orthogonal
    [InlineData(new float[] { 1, 2, 3 }, new float[] { 1, 2, 3 }, 1.0)]           // identical
    [InlineData(new float[] { 1, 2, 3 }, new float[] { 2, 4, 6 }, 1.0)]           // scaled
    [InlineData(new float[] { 1, -2, 3 }, new float[] { -1, 2, -3 }, -1.0)]       // opposite
    [InlineData(new float[] { 1, 0 }, new float[] { 1, 1 }, 0.70710678118654752)] // 45 degrees
    public void Cosine_known_answers(float[] probe, float[] reference, double expected)
    {
        var match = Match("Finger", Vectors.Of(probe), Vectors.Of(reference));
        Assert.Null(match.Problem);
        Assert.Equal(expected, match.BestScore, 1e-6);
        Assert.Equal(expected >= 0.90, match.IsMatch);
    }

    [Theory]
    [InlineData(float.MaxValue)]
    [InlineData(float.Epsilon)] // the smallest subnormal: squared in float it would vanish
    public void Extreme_magnitudes_neither_overflow_nor_underflow(float magnitude)
    {
        var match = Match("Iris", Vectors.Of(magnitude, magnitude, -magnitude), Vectors.Of(magnitude, magnitude, -magnitude));
        Assert.Equal((true, (string?)null), (match.IsMatch, match.Problem));
        Assert.Equal(1.0, match.BestScore, 1e-9);
    }

    [Fact]
    public void The_best_reference_decides()
    {
        var probe = Vectors.Random(1);
        var match = Match("Face", Vectors.Of(probe), Vectors.Of(Vectors.Random(2)), Vectors.Of(probe), Vectors.Of(Vectors.Random(3)));
        Assert.True(match.IsMatch);
        Assert.Equal(1.0, match.BestScore, 1e-9);
    }

    [Fact]
    public void Unrelated_synthetic_templates_do_not_match()
    {
        var match = Match("Finger", Vectors.Of(Vectors.Random(1)), Vectors.Of(Vectors.Random(2)), Vectors.Of(Vectors.Random(3)));
        Assert.Null(match.Problem);
        Assert.False(match.IsMatch);
    }

    [Fact]
    public void Thresholds_come_from_configuration_per_modality()
    {
        // cos = 0.8: under the Finger default (0.90), over a configured 0.75; Face keeps its own 0.85.
        byte[] probe = Vectors.Of(1, 0), reference = Vectors.Of(0.8f, 0.6f);
        var settings = new Dictionary<string, string?> { ["Civitas:Matching:Biometrics:Finger:Threshold"] = "0.75" };
        Assert.False(Match("Finger", probe, reference).IsMatch);
        Assert.True(Matcher("Finger", settings).Match(probe, [reference]).IsMatch);
        Assert.False(Matcher("Face", settings).Match(probe, [reference]).IsMatch);
    }

    [Theory]
    [InlineData("Finger", 0.90)]
    [InlineData("Iris", 0.92)]
    [InlineData("Face", 0.85)]
    public void Default_thresholds_are_as_documented(string modality, double threshold)
    {
        // Just over and just under the threshold: cos of (1, 0) and (t, sqrt(1 - t^2)) is t.
        var over = threshold + 0.001;
        var under = threshold - 0.001;
        Assert.True(Match(modality, Vectors.Of(1, 0), Vectors.Of((float)over, (float)Math.Sqrt(1 - (over * over)))).IsMatch);
        Assert.False(Match(modality, Vectors.Of(1, 0), Vectors.Of((float)under, (float)Math.Sqrt(1 - (under * under)))).IsMatch);
    }

    public static TheoryData<byte[], string> BadProbes => new()
    {
        { [], "empty" },
        { [1, 2, 3, 4, 5, 6, 7], "not a whole number" },
        { Vectors.Of(1, float.NaN), "not a finite number" },
        { Vectors.Of(float.PositiveInfinity, 1), "not a finite number" },
        { Vectors.Of(float.NegativeInfinity, 1), "not a finite number" },
        { Vectors.Of(0, 0, 0), "zero vector" },
        { Vectors.Of(-0f, 0), "zero vector" },
        { new byte[4097 * sizeof(float)], "at most 4096" },
    };

    [Theory]
    [MemberData(nameof(BadProbes))]
    public void Unusable_probes_are_refused_with_a_problem(byte[] probe, string problem)
    {
        var match = Match("Iris", probe, Vectors.Of(1, 2), Vectors.Of(1, 2, 3));
        Assert.False(match.IsMatch);
        Assert.Equal(0, match.BestScore);
        Assert.Contains(problem, match.Problem, StringComparison.Ordinal);
        Assert.Contains("probe", match.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void The_largest_accepted_probe_is_compared()
    {
        var values = Vectors.Random(7, 4096);
        Assert.True(Match("Iris", Vectors.Of(values), Vectors.Of(values)).IsMatch);
    }

    [Fact]
    public void A_dimension_mismatch_is_a_problem_not_a_non_match()
    {
        var match = Match("Face", Vectors.Of(1, 2, 3), Vectors.Of(1, 2, 3, 4));
        Assert.False(match.IsMatch);
        Assert.Contains("dimension (3)", match.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Without_references_there_is_a_problem()
    {
        Assert.Contains("no reference", Match("Face", Vectors.Of(1, 2)).Problem, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("usable", Match("Face", Vectors.Of(1, 2), [], Vectors.Of(float.NaN, 1), [1, 2, 3]).Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Malformed_references_are_skipped_when_a_usable_one_remains()
    {
        var match = Match("Finger", Vectors.Of(1, 2), [], Vectors.Of(0, 0), Vectors.Of(1, 2, 3), Vectors.Of(2, 4));
        Assert.Equal((true, (string?)null), (match.IsMatch, match.Problem));
    }

    [Fact]
    public void Problems_never_echo_template_values()
    {
        var match = Match("Finger", Vectors.Of(123.456f, float.NaN), Vectors.Of(1, 2));
        Assert.DoesNotContain("123", match.Problem, StringComparison.Ordinal);
    }

    [Fact]
    public void Registry_templates_in_base64_compare()
    {
        // The registry stores each template as base64 of little-endian float32s; the matcher takes the decoded bytes.
        var stored = Convert.ToBase64String(Vectors.Of(Vectors.Random(11)));
        var match = Match("Face", Vectors.Of(Vectors.Random(11)), Convert.FromBase64String(stored));
        Assert.True(match.IsMatch);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("-0.5")]
    [InlineData("1.01")]
    [InlineData("NaN")]
    public void Thresholds_that_would_match_anything_or_nothing_are_refused(string threshold)
    {
        using var services = TestServices.Build(new() { ["Civitas:Matching:Biometrics:Face:Threshold"] = threshold });
        var matcher = services.GetRequiredService<IBiometricMatchers>().For("Face")!;
        Assert.Throws<Microsoft.Extensions.Options.OptionsValidationException>(() => matcher.Match(Vectors.Of(1, 0), [Vectors.Of(1, 0)]));
    }
}
