using Civitas.Registry.Records;

namespace Civitas.Registry;

/// <summary>Bulk creation of identity records, for <c>civitas registry import</c> and <c>civitas demo seed</c>.</summary>
public interface IIdentityImport
{
    /// <summary>Creates one record (UIN from the pool unless given) and returns its UIN, or the problems that stopped it.</summary>
    Task<ImportResult> ImportAsync(string? uin, IdentityData? data, string? staticPin, CancellationToken cancellationToken = default);
}

public sealed record ImportResult(string? Uin, IReadOnlyDictionary<string, string[]>? Problems, string? Conflict)
{
    public bool Succeeded => Uin is not null;
}
