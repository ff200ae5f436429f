using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Civitas.Matching.Tests;

/// <summary>Strategies and thresholds come from configuration; a request may override them only within the configured limits.</summary>
public sealed class DemographicPolicyTests
{
    private static IDemographicMatchPolicy Policy(Dictionary<string, string?>? settings = null) =>
        TestServices.Build(settings).GetRequiredService<IDemographicMatchPolicy>();

    private static readonly Dictionary<string, string?> LenientName = new()
    {
        ["Civitas:Matching:Demographics:Attributes:name:Strategy"] = "Phonetic",
        ["Civitas:Matching:Demographics:Attributes:name:Threshold"] = "80",
        ["Civitas:Matching:Demographics:Attributes:name:AllowedStrategies:0"] = "Partial",
        ["Civitas:Matching:Demographics:Attributes:name:AllowedStrategies:1"] = "Exact",
        ["Civitas:Matching:Demographics:Attributes:name:MinimumThreshold"] = "60",
    };

    [Fact]
    public void Without_configuration_every_attribute_is_exact_at_100()
    {
        var policy = Policy();
        Assert.Equal(new DemographicMatchRule(MatchStrategy.Exact, 100), policy.RuleFor("name"));
        Assert.Equal(new DemographicMatchRule(MatchStrategy.Exact, 100), policy.RuleFor("addressLine1"));
        Assert.False(policy.Evaluate("name", "Jon Smyth", "John Smith", "eng").IsMatch);
        Assert.True(policy.Evaluate("name", "JOHN  smith", "John Smith", "eng").IsMatch);
    }

    [Fact]
    public void Configured_attributes_get_their_rule_whatever_the_case_of_their_name()
    {
        var policy = Policy(LenientName);
        Assert.Equal(new DemographicMatchRule(MatchStrategy.Phonetic, 80), policy.RuleFor("NAME"));
        Assert.Equal(new DemographicMatchRule(MatchStrategy.Exact, 100), policy.RuleFor("gender"));
        var outcome = policy.Evaluate("name", "Jon Smyth", "John Smith", "eng");
        Assert.Equal((true, 100, (string?)null), (outcome.IsMatch, outcome.Score, outcome.Problem));
    }

    [Fact]
    public void The_default_rule_can_be_configured()
    {
        var policy = Policy(new() { ["Civitas:Matching:Demographics:Default:Strategy"] = "Partial", ["Civitas:Matching:Demographics:Default:Threshold"] = "50" });
        Assert.Equal(new DemographicMatchRule(MatchStrategy.Partial, 50), policy.RuleFor("fullAddress"));
        Assert.True(policy.Evaluate("fullAddress", "12 Palm Street", "12 Palm Street Dakar", "eng").IsMatch);
    }

    [Fact]
    public void A_request_may_choose_an_allowed_strategy_and_a_threshold_within_limits()
    {
        var policy = Policy(LenientName);
        Assert.True(policy.TryResolve("name", MatchStrategy.Partial, 60, out var rule, out var problem));
        Assert.Equal((new DemographicMatchRule(MatchStrategy.Partial, 60), (string?)null), (rule, problem));
        Assert.True(policy.TryResolve("name", null, 100, out rule, out _));
        Assert.Equal(new DemographicMatchRule(MatchStrategy.Phonetic, 100), rule);
        var outcome = policy.Evaluate("name", "Ada Byron", "Ada Lovelace", "eng", MatchStrategy.Partial, 60);
        Assert.Equal((false, 50), (outcome.IsMatch, outcome.Score));
    }

    [Theory]
    [InlineData("name", null, 59)]         // below the configured minimum
    [InlineData("name", null, 101)]
    [InlineData("name", null, 0)]
    [InlineData("gender", null, 99)]       // no minimum configured: only stricter than 100, which is nothing
    [InlineData("gender", MatchStrategy.Phonetic, null)] // no strategy allowed beyond the configured one
    [InlineData("name", (MatchStrategy)7, null)]
    public void Overrides_out_of_bounds_are_refused_not_adjusted(string attribute, MatchStrategy? strategy, int? threshold)
    {
        var policy = Policy(LenientName);
        Assert.False(policy.TryResolve(attribute, strategy, threshold, out _, out var problem));
        Assert.NotNull(problem);
        var outcome = policy.Evaluate(attribute, "Female", "Female", "eng", strategy, threshold);
        Assert.Equal((false, 0), (outcome.IsMatch, outcome.Score));
        Assert.NotNull(outcome.Problem);
    }

    [Theory]
    [InlineData("Civitas:Matching:Demographics:Default:Threshold", "0")]
    [InlineData("Civitas:Matching:Demographics:Attributes:name:Threshold", "101")]
    [InlineData("Civitas:Matching:Demographics:Attributes:name:MinimumThreshold", "0")]
    public void Configurations_that_would_match_anything_are_refused(string key, string value)
    {
        var policy = Policy(new() { [key] = value });
        var failure = Assert.Throws<OptionsValidationException>(() => policy.RuleFor("name"));
        Assert.Contains("Civitas:Matching:Demographics", failure.Message, StringComparison.Ordinal);
    }
}

/// <summary>The strategy codes a MOSIP request carries.</summary>
public sealed class MatchStrategyNamesTests
{
    [Theory]
    [InlineData("E", MatchStrategy.Exact)]
    [InlineData("exact", MatchStrategy.Exact)]
    [InlineData(" P ", MatchStrategy.Partial)]
    [InlineData("PARTIAL", MatchStrategy.Partial)]
    [InlineData("PH", MatchStrategy.Phonetic)]
    [InlineData("Phonetics", MatchStrategy.Phonetic)]
    public void Known_codes_parse(string value, MatchStrategy expected)
    {
        Assert.True(MatchStrategyNames.TryParse(value, out var strategy));
        Assert.Equal(expected, strategy);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("X")]
    [InlineData("PHO")]
    public void Anything_else_is_refused(string? value) => Assert.False(MatchStrategyNames.TryParse(value, out _));
}
