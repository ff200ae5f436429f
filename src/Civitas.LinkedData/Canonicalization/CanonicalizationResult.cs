using Civitas.LinkedData.Rdf;

namespace Civitas.LinkedData.Canonicalization;

/// <summary>The canonical N-Quads, the relabelled quads in that order, and the blank-node map (input id → c14nN).</summary>
public sealed record CanonicalizationResult(
    string NQuads,
    IReadOnlyList<RdfQuad> Quads,
    IReadOnlyDictionary<string, string> IssuedIdentifiers);
