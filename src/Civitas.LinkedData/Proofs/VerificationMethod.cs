namespace Civitas.LinkedData.Proofs;

/// <summary>
/// A resolved verification method: its key material (one of PEM, JWK JSON or multibase) and the proof purposes its
/// controller document authorizes it for (e.g. "assertionMethod").
/// </summary>
public sealed record VerificationMethod(
    string Id,
    string Type,
    string? Controller,
    IReadOnlySet<string> Purposes,
    string? PublicKeyPem = null,
    string? PublicKeyJwk = null,
    string? PublicKeyMultibase = null);

/// <summary>Finds a verification method by id; returns null when it is unknown. Must not fetch from the network unless the host allows it.</summary>
public interface IVerificationMethodResolver
{
    VerificationMethod? Resolve(string verificationMethodId);
}
