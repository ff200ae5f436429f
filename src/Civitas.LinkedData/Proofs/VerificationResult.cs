namespace Civitas.LinkedData.Proofs;

/// <summary>Stable reasons a proof is refused.</summary>
public enum VerificationFailure
{
    None,
    MalformedDocument,
    NoProof,
    UnsupportedProof,
    CanonicalizationFailed,
    VerificationMethodNotFound,
    KeyTypeMismatch,
    PurposeNotAuthorized,
    InvalidSignature,
}

/// <summary>The outcome of <see cref="LinkedDataProofs.Verify"/>: never an exception for a bad proof.</summary>
public sealed record VerificationResult(bool Verified, VerificationFailure Failure, string? Reason)
{
    internal static VerificationResult Success { get; } = new(true, VerificationFailure.None, null);

    internal static VerificationResult Fail(VerificationFailure failure, string reason) => new(false, failure, reason);
}
