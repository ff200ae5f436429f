namespace Civitas.Matching;

/// <summary>
/// Finds the matcher for a modality. A matcher registered with
/// <see cref="MatchingModule.AddBiometricMatcher{TMatcher}"/> (a vendor SDK) replaces the built-in one for its
/// modality only, whatever the registration order; among several vendor matchers for one modality the last
/// registered wins, as usual in dependency injection. <c>IEnumerable&lt;IBiometricMatcher&gt;</c> lists the built-in
/// matchers before every vendor one, so taking the last matcher per modality from it gives the same answer.
/// </summary>
public interface IBiometricMatchers
{
    /// <summary>The modalities some matcher serves (the built-in Finger, Iris and Face at least).</summary>
    IReadOnlyCollection<string> Modalities { get; }

    /// <summary>The matcher for <paramref name="modality"/> (case-insensitive), or null when none serves it.</summary>
    IBiometricMatcher? For(string modality);
}
