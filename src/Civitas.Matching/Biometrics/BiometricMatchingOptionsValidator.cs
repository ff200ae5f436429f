using Microsoft.Extensions.Options;

namespace Civitas.Matching.Biometrics;

/// <summary>Refuses thresholds that would match unrelated samples (0 or less) or nothing at all (over 1).</summary>
internal sealed class BiometricMatchingOptionsValidator : IValidateOptions<BiometricMatchingOptions>
{
    public ValidateOptionsResult Validate(string? name, BiometricMatchingOptions options)
    {
        var failures = new List<string>();
        foreach (var (modality, settings) in new[] { ("Finger", options.Finger), ("Iris", options.Iris), ("Face", options.Face) })
        {
            if (settings is null || !double.IsFinite(settings.Threshold) || settings.Threshold is <= 0 or > 1)
            {
                failures.Add($"{BiometricMatchingOptions.SectionName}:{modality}:Threshold must be above 0 and at most 1.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
