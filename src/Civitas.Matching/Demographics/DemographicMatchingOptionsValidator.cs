using Microsoft.Extensions.Options;

namespace Civitas.Matching.Demographics;

/// <summary>Refuses configurations that would let anything match: thresholds outside 1–100, undefined strategies.</summary>
internal sealed class DemographicMatchingOptionsValidator : IValidateOptions<DemographicMatchingOptions>
{
    public ValidateOptionsResult Validate(string? name, DemographicMatchingOptions options)
    {
        var failures = new List<string>();
        Check("Default", options.Default, failures);
        foreach (var (attribute, rule) in options.Attributes)
        {
            Check($"Attributes:{attribute}", rule, failures);
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Check(string path, DemographicAttributeOptions rule, List<string> failures)
    {
        var prefix = $"{DemographicMatchingOptions.SectionName}:{path}";
        if (!Enum.IsDefined(rule.Strategy) || rule.AllowedStrategies.Any(strategy => !Enum.IsDefined(strategy)))
        {
            failures.Add($"{prefix}: unknown matching strategy.");
        }

        if (rule.Threshold is < 1 or > 100)
        {
            failures.Add($"{prefix}:Threshold must be between 1 and 100.");
        }

        if (rule.MinimumThreshold is { } minimum && (minimum < 1 || minimum > rule.Threshold))
        {
            failures.Add($"{prefix}:MinimumThreshold must be between 1 and Threshold.");
        }
    }
}
