using Civitas.Authentication.Errors;
using Civitas.Keys.Encryption;
using Civitas.Matching;
using Civitas.Registry.Records;

namespace Civitas.Authentication.Factors;

/// <summary>
/// Biometric authentication through the matcher registered per modality. Checks the request's shape first
/// (at most 10 distinct fingers, 2 distinct irises, 1 face: IDA-BIA-002/003/007/008/009), then every sample must
/// match one of the registry's templates of its modality (IDA-BIA-001; none stored IDA-BIA-006; unusable IDA-BIA-011).
/// </summary>
internal sealed class BiometricFactor(IBiometricMatchers matchers)
{
    public IdaError? Verify(IReadOnlyList<BiometricInput> samples, IdentityData stored)
    {
        var shape = CheckShape(samples);
        if (shape is not null)
        {
            return shape;
        }
        var templates = new Dictionary<string, IReadOnlyList<ReadOnlyMemory<byte>>>(StringComparer.Ordinal);
        foreach (var sample in samples)
        {
            if (sample.Template is not { Length: > 0 } probe)
            {
                return IdaErrors.BioInvalid;
            }
            if (!templates.TryGetValue(sample.Modality, out var references))
            {
                references = StoredTemplates(stored, sample.Modality);
                templates[sample.Modality] = references;
            }
            if (references.Count == 0)
            {
                return IdaErrors.BioNotInDatabase.With(sample.Modality);
            }
            if (matchers.For(sample.Modality) is not { } matcher)
            {
                return IdaErrors.BioTechnicalIssue;
            }
            var match = matcher.Match(probe, references);
            if (match.Problem is not null)
            {
                return IdaErrors.BioInvalid;
            }
            if (!match.IsMatch)
            {
                return IdaErrors.BioMismatch.With(sample.Modality);
            }
        }
        return null;
    }

    private static IdaError? CheckShape(IReadOnlyList<BiometricInput> samples)
    {
        var fingers = samples.Where(s => s.Modality == "Finger").ToList();
        var irises = samples.Where(s => s.Modality == "Iris").ToList();
        var faces = samples.Count(s => s.Modality == "Face");
        if (fingers.Count > 10)
        {
            return IdaErrors.BioTooManyFingers.With("10");
        }
        if (HasDuplicates(fingers))
        {
            return IdaErrors.BioDuplicateFingers;
        }
        if (irises.Count > 2)
        {
            return IdaErrors.BioTooManyIrises;
        }
        if (HasDuplicates(irises))
        {
            return IdaErrors.BioDuplicateIrises;
        }
        return faces > 1 ? IdaErrors.BioTooManyFaces : null;
    }

    /// <summary>Two samples of the same named position (UNKNOWN positions may repeat, as MOSIP allows).</summary>
    private static bool HasDuplicates(List<BiometricInput> samples) =>
        samples.Where(s => !string.Equals(s.SubType, "UNKNOWN", StringComparison.OrdinalIgnoreCase))
            .GroupBy(s => s.SubType, StringComparer.OrdinalIgnoreCase).Any(g => g.Count() > 1);

    private static List<ReadOnlyMemory<byte>> StoredTemplates(IdentityData stored, string modality)
    {
        var list = new List<ReadOnlyMemory<byte>>();
        foreach (var (key, values) in stored.Biometrics)
        {
            if (!string.Equals(key, modality, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }
            foreach (var value in values)
            {
                if (Base64Input.TryDecode(value, out var bytes) && bytes.Length > 0)
                {
                    list.Add(bytes);
                }
            }
        }
        return list;
    }
}
