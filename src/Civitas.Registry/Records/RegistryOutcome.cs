namespace Civitas.Registry.Records;

internal enum RegistryOutcomeKind
{
    Done,
    NotFound,
    Invalid,
    Conflict,
}

/// <summary>The result of an administrative change: done (with a value) or why not. Failures are results, not exceptions.</summary>
internal sealed record RegistryOutcome<T>(RegistryOutcomeKind Kind, T? Value, IReadOnlyDictionary<string, string[]>? Problems = null, string? Detail = null)
{
    public static RegistryOutcome<T> Done(T value) => new(RegistryOutcomeKind.Done, value);

    public static RegistryOutcome<T> NotFound() => new(RegistryOutcomeKind.NotFound, default);

    public static RegistryOutcome<T> Invalid(IReadOnlyDictionary<string, string[]> problems) => new(RegistryOutcomeKind.Invalid, default, problems);

    public static RegistryOutcome<T> Invalid(string field, string problem) => Invalid(new Dictionary<string, string[]> { [field] = [problem] });

    public static RegistryOutcome<T> Conflict(string detail) => new(RegistryOutcomeKind.Conflict, default, Detail: detail);
}
