namespace Civitas.LinkedData.Proofs;

/// <summary>
/// Resolves <c>did:key</c> Ed25519 identifiers (multicodec 0xed01) without any network: the DID document is derived
/// from the identifier itself, and its one key is authorized for every standard purpose.
/// </summary>
public sealed class DidKeyResolver : IVerificationMethodResolver
{
    private static readonly HashSet<string> AllPurposes =
        ["assertionMethod", "authentication", "capabilityInvocation", "capabilityDelegation"];

    public VerificationMethod? Resolve(string verificationMethodId)
    {
        ArgumentNullException.ThrowIfNull(verificationMethodId);
        if (!verificationMethodId.StartsWith("did:key:", StringComparison.Ordinal))
        {
            return null;
        }

        var hash = verificationMethodId.IndexOf('#', StringComparison.Ordinal);
        var did = hash < 0 ? verificationMethodId : verificationMethodId[..hash];
        var multibase = did["did:key:".Length..];
        if ((hash >= 0 && verificationMethodId[(hash + 1)..] != multibase) ||
            !Base58Btc.TryDecodeMultibase(multibase, out var bytes) || bytes.Length != 34 || bytes[0] != 0xed || bytes[1] != 0x01)
        {
            return null;
        }

        return new VerificationMethod(did + "#" + multibase, "Ed25519VerificationKey2020", did, AllPurposes, PublicKeyMultibase: multibase);
    }

    /// <summary>The did:key identifier of an Ed25519 public key (32 bytes).</summary>
    public static string DidFor(ReadOnlySpan<byte> ed25519PublicKey) =>
        "did:key:" + Ed25519Multikey.Encode(ed25519PublicKey);
}
