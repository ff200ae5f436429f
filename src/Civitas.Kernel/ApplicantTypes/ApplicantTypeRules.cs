using Civitas.Common.Envelope;
using Microsoft.Extensions.Options;

namespace Civitas.Kernel.ApplicantTypes;

/// <summary>The facts a rule looks at, already checked.</summary>
internal readonly record struct Applicant(string IndividualType, string Gender, bool IsChild, bool Biometric);

/// <summary>
/// Evaluates the configured rule table (first match wins). Which individual types and genders exist is taken
/// from the table itself, so a code no rule mentions is "invalid or does not exist" (KER-MSD-148) rather than
/// merely unmatched (KER-MSD-147).
/// </summary>
internal sealed class ApplicantTypeRules
{
    public const string Child = "CHILD";
    public const string Adult = "ADULT";

    private readonly IReadOnlyList<ApplicantTypeRule> _rules;
    private readonly HashSet<string> _individualTypes;
    private readonly HashSet<string> _genders;
    private readonly int _childAgeLimit;
    private readonly TimeProvider _clock;

    public ApplicantTypeRules(IOptions<KernelOptions> options, TimeProvider clock)
    {
        var settings = options.Value.ApplicantType;
        _rules = settings.Rules.Count > 0 ? settings.Rules : DefaultRules;
        _individualTypes = new(_rules.Select(r => r.IndividualType).OfType<string>(), StringComparer.OrdinalIgnoreCase);
        _genders = new(_rules.Select(r => r.Gender).OfType<string>(), StringComparer.OrdinalIgnoreCase);
        _childAgeLimit = settings.ChildAgeLimit;
        _clock = clock;
    }

    /// <summary>A built-in table in MOSIP's spirit: foreigner (FR) / national (NFR), male / female / other, child / adult, biometrics.</summary>
    internal static IReadOnlyList<ApplicantTypeRule> DefaultRules { get; } =
    [
        Rule("FR", "MLE", Adult, true, "001"), Rule("FR", "FLE", Adult, true, "002"),
        Rule("FR", "MLE", Child, null, "003"), Rule("FR", "FLE", Child, null, "004"),
        Rule("NFR", "MLE", Adult, true, "005"), Rule("NFR", "FLE", Adult, true, "006"),
        Rule("NFR", "MLE", Child, null, "007"), Rule("NFR", "FLE", Child, null, "008"),
        Rule("FR", "MLE", Adult, false, "009"), Rule("FR", "FLE", Adult, false, "010"),
        Rule("NFR", "MLE", Adult, false, "011"), Rule("NFR", "FLE", Adult, false, "012"),
        Rule("FR", "OTH", Adult, null, "013"), Rule("NFR", "OTH", Adult, null, "014"),
    ];

    /// <summary>Checks raw inputs; null when any is missing, unknown or malformed.</summary>
    public Applicant? Read(string? individualType, string? gender, string? dateOfBirth, string? biometric, string? languageCode)
    {
        if (string.IsNullOrWhiteSpace(individualType) || !_individualTypes.Contains(individualType.Trim())
            || string.IsNullOrWhiteSpace(gender) || !_genders.Contains(gender.Trim())
            || languageCode is not { Length: 3 } || !languageCode.All(char.IsAsciiLetterLower))
        {
            return null;
        }

        var biometricAvailable = false;
        if (!string.IsNullOrWhiteSpace(biometric) && !bool.TryParse(biometric.Trim(), out biometricAvailable))
        {
            return null;
        }

        if (!MosipTime.TryParse(dateOfBirth, out var born))
        {
            return null;
        }

        var today = _clock.GetUtcNow().UtcDateTime.Date;
        var birthDate = born.UtcDateTime.Date;
        if (birthDate > today || birthDate.Year < 1850)
        {
            return null;
        }

        var age = today.Year - birthDate.Year - (today < birthDate.AddYears(today.Year - birthDate.Year) ? 1 : 0);
        return new Applicant(individualType.Trim().ToUpperInvariant(), gender.Trim().ToUpperInvariant(), age < _childAgeLimit, biometricAvailable);
    }

    /// <summary>The code of the first matching rule, or null.</summary>
    public string? Evaluate(Applicant applicant)
    {
        var ageGroup = applicant.IsChild ? Child : Adult;
        foreach (var rule in _rules)
        {
            if (Matches(rule.IndividualType, applicant.IndividualType) && Matches(rule.Gender, applicant.Gender)
                && Matches(rule.AgeGroup, ageGroup) && (rule.Biometric is null || rule.Biometric == applicant.Biometric))
            {
                return rule.Code;
            }
        }

        return null;
    }

    private static bool Matches(string? condition, string value) =>
        condition is null || string.Equals(condition, value, StringComparison.OrdinalIgnoreCase);

    private static ApplicantTypeRule Rule(string type, string gender, string ageGroup, bool? biometric, string code) =>
        new() { IndividualType = type, Gender = gender, AgeGroup = ageGroup, Biometric = biometric, Code = code };
}
