using System.Text.Json.Nodes;
using Civitas.LinkedData.Proofs;

namespace Civitas.LinkedData.Tests;

/// <summary>
/// Civitas against independent verifiers: jsonld-signatures@6 for RsaSignature2018 (what MOSIP/Inji verifiers run)
/// and @digitalbazaar/vc + ed25519-signature-2020 for Ed25519Signature2020. Each side verifies what the other signed,
/// and each tampering is rejected by both.
/// </summary>
public sealed class ProofInteropTests
{
    private static readonly DateTimeOffset Created = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);

    public static TheoryData<string> Tamperings => ["claim", "proof-option", "unknown-term"];

    [Fact]
    public void Rsa_credential_signed_by_Civitas_verifies_in_jsonld_signatures_6()
    {
        var signed = SignRsa();
        var result = NodeRunner.Run("rsa2018.cjs", "verify", TestKeys.RsaRequest(JsonNode.Parse(signed)!));
        Assert.True(NodeRunner.Verified(result), result.ToJsonString());
    }

    [Fact]
    public void Rsa_credential_signed_by_jsonld_signatures_6_verifies_in_Civitas()
    {
        var result = NodeRunner.Run("rsa2018.cjs", "sign", TestKeys.RsaRequest(SampleCredential.Create(), withPrivateKey: true));
        var signed = result["signed"]!.ToJsonString();
        Assert.Contains("\"jws\"", signed, StringComparison.Ordinal);
        var verification = LinkedDataProofs.Verify(signed, TestKeys.Resolver());
        Assert.True(verification.Verified, verification.Reason);
    }

    [Theory]
    [MemberData(nameof(Tamperings))]
    public void Rsa_tampered_credential_is_rejected_by_both(string tampering)
    {
        var tampered = Tamper(JsonNode.Parse(SignRsa())!.AsObject(), tampering);
        var civitas = LinkedDataProofs.Verify(tampered.ToJsonString(), TestKeys.Resolver());
        var node = NodeRunner.Run("rsa2018.cjs", "verify", TestKeys.RsaRequest(tampered));
        Assert.False(civitas.Verified);
        Assert.Equal(tampering == "unknown-term" ? VerificationFailure.CanonicalizationFailed : VerificationFailure.InvalidSignature, civitas.Failure);
        Assert.False(NodeRunner.Verified(node), node.ToJsonString());
    }

    [Fact]
    public void Ed25519_credential_signed_by_Civitas_verifies_in_digitalbazaar_vc()
    {
        var signed = SignEd();
        var result = NodeRunner.Run("ed25519-2020.mjs", "verify", TestKeys.EdRequest(JsonNode.Parse(signed)!));
        Assert.Equal(TestKeys.EdPublicMultibase(), result["publicKeyMultibase"]!.GetValue<string>());
        Assert.True(NodeRunner.Verified(result), result.ToJsonString());
    }

    [Fact]
    public void Ed25519_credential_signed_by_digitalbazaar_vc_verifies_in_Civitas()
    {
        var result = NodeRunner.Run("ed25519-2020.mjs", "sign", TestKeys.EdRequest(SampleCredential.Create(ed25519Context: true)));
        var signed = result["signed"]!.ToJsonString();
        Assert.Contains("\"proofValue\"", signed, StringComparison.Ordinal);
        var verification = LinkedDataProofs.Verify(signed, TestKeys.Resolver());
        Assert.True(verification.Verified, verification.Reason);
    }

    [Theory]
    [MemberData(nameof(Tamperings))]
    public void Ed25519_tampered_credential_is_rejected_by_both(string tampering)
    {
        var tampered = Tamper(JsonNode.Parse(SignEd())!.AsObject(), tampering);
        var civitas = LinkedDataProofs.Verify(tampered.ToJsonString(), TestKeys.Resolver());
        var node = NodeRunner.Run("ed25519-2020.mjs", "verify", TestKeys.EdRequest(tampered));
        Assert.False(civitas.Verified);
        Assert.False(NodeRunner.Verified(node), node.ToJsonString());
    }

    [Fact]
    public void Canonical_form_of_the_credential_equals_jsonld_js()
    {
        var credential = SampleCredential.Create(ed25519Context: true);
        var ours = Civitas.LinkedData.Proofs.ProofHashing.Canonicalize(
            Civitas.LinkedData.JsonLd.Json.Parse(credential.ToJsonString())!, Civitas.LinkedData.JsonLd.StandardDocumentLoader.Instance);
        var theirs = NodeRunner.Run("canonize.mjs", "0", new JsonObject { ["document"] = credential, ["extraContexts"] = NodeRunner.ExtraContexts() });
        Assert.Null(theirs["error"]);
        Assert.Equal(theirs["nquads"]!.GetValue<string>(), ours);
        Assert.Contains("\"أمينة يوسف حداد\"@ar", ours, StringComparison.Ordinal);
    }

    internal static string SignRsa() => LinkedDataProofs.Sign(
        SampleCredential.Create().ToJsonString(),
        ProofSuite.RsaSignature2018,
        SigningKey.FromRsa(TestKeys.Rsa, TestKeys.RsaKeyId),
        new ProofOptions { Created = Created });

    internal static string SignEd()
    {
        using var key = TestKeys.EdKey();
        return LinkedDataProofs.Sign(
            SampleCredential.Create(ed25519Context: true).ToJsonString(),
            ProofSuite.Ed25519Signature2020,
            SigningKey.FromEd25519(key, TestKeys.EdKeyId),
            new ProofOptions { Created = Created });
    }

    internal static JsonObject Tamper(JsonObject credential, string tampering)
    {
        switch (tampering)
        {
            case "claim":
                credential["credentialSubject"]!["UIN"] = "4829103747";
                break;
            case "proof-option":
                credential["proof"]!["created"] = "2026-03-02T10:00:00Z";
                break;
            default:
                credential["credentialSubject"]!["favouriteColour"] = "blue";
                break;
        }

        return credential;
    }
}
