using Civitas.LinkedData.JsonLd;

namespace Civitas.LinkedData.Proofs;

/// <summary>What a verifier expects of a proof.</summary>
public sealed record VerifyOptions
{
    public static readonly VerifyOptions Default = new();

    /// <summary>The proof purpose the caller relies on; the proof must state it and the key's controller must grant it.</summary>
    public string ExpectedPurpose { get; init; } = "assertionMethod";

    public IDocumentLoader DocumentLoader { get; init; } = StandardDocumentLoader.Instance;
}
