namespace Civitas.LinkedData.Canonicalization;

/// <summary>The hash function RDFC-1.0 uses for blank-node hashes.</summary>
public enum CanonicalizationHash
{
    Sha256,
    Sha384,
}

/// <summary>Settings for RDFC-1.0.</summary>
public sealed record CanonicalizationOptions
{
    public static readonly CanonicalizationOptions Default = new();

    public CanonicalizationHash Hash { get; init; } = CanonicalizationHash.Sha256;

    /// <summary>
    /// Bounds the work a hostile ("poison") graph can cause: each blank node may enter the N-degree hash at most
    /// (number of blank nodes that share a first-degree hash) ^ <c>MaxWorkFactor</c> times. 2 accepts every
    /// ordinary dataset (and the whole W3C suite) and refuses cliques of indistinguishable blank nodes quickly.
    /// </summary>
    public int MaxWorkFactor { get; init; } = 2;

    /// <summary>
    /// Caps the blank-node orderings the N-degree hash may try in one canonicalization. Orderings are tried without
    /// recursing when the related nodes already have identifiers, so the per-node limit above does not bound them.
    /// </summary>
    public int MaxPermutations { get; init; } = 100_000;
}
