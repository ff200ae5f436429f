using Civitas.Registry.Records;

namespace Civitas.Registry;

/// <summary>Bulk creation of identity records, for <c>civitas registry import</c> and <c>civitas demo seed</c>.</summary>
public interface IIdentityImport
{
    /// <summary>Creates one record (UIN from the pool unless given) and returns its UIN, or the problems that stopped it.</summary>
    Task<ImportResult> ImportAsync(string? uin, IdentityData? data, string? staticPin, CancellationToken cancellationToken = default);

    /// <summary>
    /// Creates many records at once: PINs are stretched in parallel and the valid records are written in one
    /// transaction. Results come back in the order of <paramref name="items"/>; an invalid item does not stop the others.
    /// </summary>
    Task<IReadOnlyList<ImportResult>> ImportAsync(IReadOnlyList<ImportItem> items, CancellationToken cancellationToken = default);
}

/// <summary>One record to import: its UIN (null = from the pool), data and optional static PIN.</summary>
public sealed record ImportItem(string? Uin, IdentityData? Data, string? StaticPin);

public sealed record ImportResult(string? Uin, IReadOnlyDictionary<string, string[]>? Problems, string? Conflict)
{
    public bool Succeeded => Uin is not null;
}
