namespace Civitas.Partners.Admin;

public enum PartnerOutcomeKind
{
    Done,
    NotFound,
    Invalid,
    Conflict,
}

/// <summary>The result of an administrative change: done (with a value) or why not. Failures are results, not exceptions.</summary>
public sealed record PartnerOutcome<T>(PartnerOutcomeKind Kind, T? Value, IReadOnlyDictionary<string, string[]>? Problems = null, string? Detail = null)
{
    public bool Succeeded => Kind == PartnerOutcomeKind.Done;

    public static PartnerOutcome<T> Done(T value) => new(PartnerOutcomeKind.Done, value);

    public static PartnerOutcome<T> NotFound(string detail) => new(PartnerOutcomeKind.NotFound, default, Detail: detail);

    public static PartnerOutcome<T> Invalid(IReadOnlyDictionary<string, string[]> problems) => new(PartnerOutcomeKind.Invalid, default, problems);

    public static PartnerOutcome<T> Invalid(string field, string problem) => Invalid(new Dictionary<string, string[]> { [field] = [problem] });

    public static PartnerOutcome<T> Conflict(string detail) => new(PartnerOutcomeKind.Conflict, default, Detail: detail);

    /// <summary>One line for a console: the conflict or every field problem.</summary>
    public string Describe() => Detail ?? string.Join("; ", (Problems ?? new Dictionary<string, string[]>()).Select(p => $"{p.Key}: {string.Join(' ', p.Value)}"));
}
