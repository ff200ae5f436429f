namespace Civitas.Matching;

/// <summary>
/// Thresholds of the built-in feature-vector matchers, bound from <c>Civitas:Matching:Biometrics</c>
/// (<c>Civitas:Matching:Biometrics:Finger:Threshold</c> and so on). A threshold is the cosine similarity (0 excluded,
/// up to 1) the best reference must reach. Defaults: Finger 0.90, Iris 0.92 (iris codes are the most distinctive,
/// so the bar is highest), Face 0.85 (faces vary most with light, pose and age). Vendor matchers read their own
/// configuration.
/// </summary>
public sealed class BiometricMatchingOptions
{
    public const string SectionName = "Civitas:Matching:Biometrics";

    public BiometricModalityOptions Finger { get; set; } = new() { Threshold = 0.90 };

    public BiometricModalityOptions Iris { get; set; } = new() { Threshold = 0.92 };

    public BiometricModalityOptions Face { get; set; } = new() { Threshold = 0.85 };

    /// <summary>The options of <paramref name="modality"/> (Finger, Iris or Face, any case), or null for another one.</summary>
    public BiometricModalityOptions? For(string modality) =>
        Is(modality, "Finger") ? Finger : Is(modality, "Iris") ? Iris : Is(modality, "Face") ? Face : null;

    private static bool Is(string modality, string name) => string.Equals(modality, name, StringComparison.OrdinalIgnoreCase);
}

/// <summary>Settings of one modality's built-in matcher.</summary>
public sealed class BiometricModalityOptions
{
    /// <summary>Minimum cosine similarity for a match, in (0, 1].</summary>
    public double Threshold { get; set; }
}
