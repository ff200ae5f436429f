using Civitas.LinkedData.JsonLd;

namespace Civitas.LinkedData.Proofs;

/// <summary>Proof options for signing.</summary>
public sealed record ProofOptions
{
    public static readonly ProofOptions Default = new();

    /// <summary>The proof's <c>created</c> time; now (UTC, whole seconds) when not set.</summary>
    public DateTimeOffset? Created { get; init; }

    public string ProofPurpose { get; init; } = "assertionMethod";

    public string? Domain { get; init; }

    public string? Challenge { get; init; }

    /// <summary>RsaSignature2018 only: adds <c>kid</c> to the JWS header, as MOSIP does.</summary>
    public string? JwsKeyId { get; init; }

    /// <summary>Where contexts come from (default: embedded contexts only, no network).</summary>
    public IDocumentLoader DocumentLoader { get; init; } = StandardDocumentLoader.Instance;
}
