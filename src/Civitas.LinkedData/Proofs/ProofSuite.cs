namespace Civitas.LinkedData.Proofs;

/// <summary>The Linked Data proof suites Civitas signs and verifies.</summary>
public enum ProofSuite
{
    /// <summary>MOSIP's legacy suite: RSA, detached JWS (PS256, b64:false) over SHA-256(c14n proof options) ‖ SHA-256(c14n document).</summary>
    RsaSignature2018,

    /// <summary>Ed25519 over the same hash pair, multibase base58btc <c>proofValue</c>.</summary>
    Ed25519Signature2020,

    /// <summary>Data Integrity <c>DataIntegrityProof</c> with cryptosuite <c>eddsa-rdfc-2022</c>.</summary>
    EddsaRdfc2022,
}
