using System.Globalization;
using Microsoft.Extensions.Options;

namespace Civitas.Matching.Biometrics;

/// <summary>
/// The built-in matcher of one modality: the best cosine similarity between the probe and each reference, matched
/// against the modality's threshold. Every reference is compared even after a match, so the time taken does not
/// tell which reference matched. A malformed reference is skipped; if none is usable the answer is a problem.
/// </summary>
internal sealed class FeatureVectorMatcher(string modality, IOptionsMonitor<BiometricMatchingOptions> options) : IBiometricMatcher
{
    public string Modality => modality;

    public BiometricMatch Match(ReadOnlySpan<byte> probe, IReadOnlyList<ReadOnlyMemory<byte>> references)
    {
        if (FeatureVector.Check(probe, "probe") is { } problem)
        {
            return BiometricMatch.Unusable(problem);
        }

        if (references is null || references.Count == 0)
        {
            return BiometricMatch.Unusable("There is no reference template to compare with.");
        }

        var threshold = options.CurrentValue.For(modality)?.Threshold
            ?? throw new InvalidOperationException($"No threshold is configured for modality {modality}.");
        var best = double.NegativeInfinity;
        var dimensionMismatch = false;
        for (var i = 0; i < references.Count; i++) // by index: enumerating the interface would allocate per call
        {
            var template = references[i].Span;
            if (FeatureVector.Check(template, "reference") is not null)
            {
                continue;
            }

            if (template.Length != probe.Length)
            {
                dimensionMismatch = true;
                continue;
            }

            best = Math.Max(best, CosineSimilarity.Compute(probe, template));
        }

        if (double.IsNegativeInfinity(best))
        {
            return BiometricMatch.Unusable(dimensionMismatch
                ? string.Create(CultureInfo.InvariantCulture, $"No reference template has the probe's dimension ({FeatureVector.Dimensions(probe)}).")
                : "No reference template is usable.");
        }

        return new BiometricMatch(best >= threshold, best, null);
    }
}
