using System.Globalization;
using Microsoft.Extensions.Options;

namespace Civitas.Matching.Demographics;

/// <summary>The built-in <see cref="IDemographicMatchPolicy"/> over the bound <see cref="DemographicMatchingOptions"/>.</summary>
internal sealed class DemographicMatchPolicy(IOptionsMonitor<DemographicMatchingOptions> options, IDemographicMatcher matcher)
    : IDemographicMatchPolicy
{
    public DemographicMatchRule RuleFor(string attribute)
    {
        var configured = Configured(attribute);
        return new DemographicMatchRule(configured.Strategy, configured.Threshold);
    }

    public bool TryResolve(string attribute, MatchStrategy? requestedStrategy, int? requestedThreshold, out DemographicMatchRule rule, out string? problem)
    {
        var configured = Configured(attribute);
        rule = new DemographicMatchRule(configured.Strategy, configured.Threshold);
        if (requestedStrategy is { } strategy && strategy != configured.Strategy)
        {
            if (!Enum.IsDefined(strategy) || !configured.AllowedStrategies.Contains(strategy))
            {
                problem = string.Create(CultureInfo.InvariantCulture, $"Matching strategy {strategy} is not allowed for {attribute}.");
                return false;
            }

            rule = rule with { Strategy = strategy };
        }

        if (requestedThreshold is { } threshold)
        {
            var minimum = configured.MinimumThreshold ?? configured.Threshold;
            if (threshold < minimum || threshold > 100)
            {
                problem = string.Create(CultureInfo.InvariantCulture, $"Matching threshold for {attribute} must be between {minimum} and 100.");
                return false;
            }

            rule = rule with { Threshold = threshold };
        }

        problem = null;
        return true;
    }

    public DemographicMatchOutcome Evaluate(string attribute, string requested, string stored, string language, MatchStrategy? requestedStrategy = null, int? requestedThreshold = null)
    {
        if (!TryResolve(attribute, requestedStrategy, requestedThreshold, out var rule, out var problem))
        {
            return new DemographicMatchOutcome(false, 0, rule, problem);
        }

        var score = matcher.Score(requested, stored, language, rule.Strategy);
        return new DemographicMatchOutcome(score >= rule.Threshold, score, rule, null);
    }

    private DemographicAttributeOptions Configured(string attribute)
    {
        var current = options.CurrentValue;
        return attribute is not null && current.Attributes.TryGetValue(attribute, out var rule) ? rule : current.Default;
    }
}
