namespace Civitas.Matching;

/// <summary>
/// Answers "which strategy and threshold for this attribute" from <see cref="DemographicMatchingOptions"/>, applying
/// the request's own <c>matchingStrategy</c>/<c>matchingThreshold</c> only within the configured limits, and scores
/// values with <see cref="IDemographicMatcher"/>.
/// </summary>
/// <remarks>
/// Limits on a request's overrides: the strategy must be the configured one or listed in
/// <see cref="DemographicAttributeOptions.AllowedStrategies"/>; the threshold must lie between
/// <see cref="DemographicAttributeOptions.MinimumThreshold"/> (by default the configured threshold) and 100.
/// Anything else is refused with a problem, never silently adjusted, so the caller can answer with its error code.
/// </remarks>
public interface IDemographicMatchPolicy
{
    /// <summary>The configured rule for <paramref name="attribute"/> (the default rule when it has no entry).</summary>
    DemographicMatchRule RuleFor(string attribute);

    /// <summary>
    /// The rule for <paramref name="attribute"/> after the request's overrides (null = not given), or false with
    /// <paramref name="problem"/> saying which override is out of bounds.
    /// </summary>
    bool TryResolve(string attribute, MatchStrategy? requestedStrategy, int? requestedThreshold, out DemographicMatchRule rule, out string? problem);

    /// <summary>Scores <paramref name="requested"/> against <paramref name="stored"/> under the resolved rule for <paramref name="attribute"/>.</summary>
    DemographicMatchOutcome Evaluate(string attribute, string requested, string stored, string language, MatchStrategy? requestedStrategy = null, int? requestedThreshold = null);
}

/// <summary>A strategy and the score (1–100) a value must reach under it.</summary>
public readonly record struct DemographicMatchRule(MatchStrategy Strategy, int Threshold);

/// <summary>The result of <see cref="IDemographicMatchPolicy.Evaluate"/>; <see cref="Problem"/> is set (and nothing matches) when an override was refused.</summary>
public readonly record struct DemographicMatchOutcome(bool IsMatch, int Score, DemographicMatchRule Rule, string? Problem);
