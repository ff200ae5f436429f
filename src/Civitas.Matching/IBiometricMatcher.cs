namespace Civitas.Matching;

/// <summary>
/// Compares a captured biometric sample with the templates the registry holds for one modality. A vendor SDK
/// plugs in by registering its own implementation for a modality; the built-in one compares feature vectors.
/// </summary>
public interface IBiometricMatcher
{
    /// <summary>The modality this matcher serves: <c>Finger</c>, <c>Iris</c> or <c>Face</c>.</summary>
    string Modality { get; }

    /// <summary>
    /// Scores <paramref name="probe"/> against each of <paramref name="references"/> and decides with the
    /// modality's threshold. Never throws on a malformed probe or template: it answers with a problem instead.
    /// </summary>
    BiometricMatch Match(ReadOnlySpan<byte> probe, IReadOnlyList<ReadOnlyMemory<byte>> references);
}

/// <summary>The outcome of one biometric comparison. <see cref="Problem"/> is set when the input could not be compared.</summary>
public readonly record struct BiometricMatch(bool IsMatch, double BestScore, string? Problem)
{
    public static BiometricMatch Unusable(string problem) => new(false, 0, problem);
}
