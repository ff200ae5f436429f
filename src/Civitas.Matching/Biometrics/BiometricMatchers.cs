namespace Civitas.Matching.Biometrics;

/// <summary>The built-in <see cref="IBiometricMatchers"/>: every registered matcher, a vendor's before the built-in one.</summary>
internal sealed class BiometricMatchers : IBiometricMatchers
{
    private readonly Dictionary<string, IBiometricMatcher> byModality = new(StringComparer.OrdinalIgnoreCase);

    public BiometricMatchers(IEnumerable<IBiometricMatcher> matchers)
    {
        // Registration order: built-in ones may come before or after the vendor's; a vendor's is never displaced.
        foreach (var matcher in matchers)
        {
            if (string.IsNullOrWhiteSpace(matcher.Modality))
            {
                throw new InvalidOperationException($"Biometric matcher {matcher.GetType().FullName} names no modality.");
            }

            var isBuiltIn = matcher is FeatureVectorMatcher;
            if (!isBuiltIn || !byModality.TryGetValue(matcher.Modality, out var existing) || existing is FeatureVectorMatcher)
            {
                byModality[matcher.Modality] = matcher;
            }
        }
    }

    public IReadOnlyCollection<string> Modalities => byModality.Keys;

    public IBiometricMatcher? For(string modality) =>
        modality is not null && byModality.TryGetValue(modality, out var matcher) ? matcher : null;
}
