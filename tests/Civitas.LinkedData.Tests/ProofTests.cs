using System.Buffers.Text;
using System.Text;
using System.Text.Json.Nodes;
using Civitas.LinkedData.Proofs;

namespace Civitas.LinkedData.Tests;

/// <summary>Civitas's own sign/verify behaviour: formats, failure reasons, suites without an npm counterpart here.</summary>
public sealed class ProofTests
{
    [Fact]
    public void Rsa_proof_is_a_detached_jws_with_the_MOSIP_header()
    {
        var proof = JsonNode.Parse(ProofInteropTests.SignRsa())!["proof"]!;
        var jws = proof["jws"]!.GetValue<string>();
        var parts = jws.Split('.');
        Assert.Equal(3, parts.Length);
        Assert.Empty(parts[1]);
        Assert.Equal("""{"alg":"PS256","b64":false,"crit":["b64"]}""", Encoding.UTF8.GetString(Base64Url.DecodeFromChars(parts[0])));
        Assert.Equal(256, Base64Url.DecodeFromChars(parts[2]).Length);
        Assert.Equal("RsaSignature2018", proof["type"]!.GetValue<string>());
        Assert.Equal("2026-03-01T10:00:00Z", proof["created"]!.GetValue<string>());
        Assert.Equal("assertionMethod", proof["proofPurpose"]!.GetValue<string>());
    }

    [Fact]
    public void Rsa_jws_kid_is_added_when_asked_and_still_verifies()
    {
        var signed = LinkedDataProofs.Sign(
            SampleCredential.Create().ToJsonString(),
            ProofSuite.RsaSignature2018,
            SigningKey.FromRsa(TestKeys.Rsa, TestKeys.RsaKeyId),
            new ProofOptions { JwsKeyId = "key-1" });
        var header = JsonNode.Parse(Base64Url.DecodeFromChars(JsonNode.Parse(signed)!["proof"]!["jws"]!.GetValue<string>().Split('.')[0]))!;
        Assert.Equal("key-1", header["kid"]!.GetValue<string>());
        Assert.True(LinkedDataProofs.Verify(signed, TestKeys.Resolver()).Verified);
    }

    [Fact]
    public void Ed25519_key_from_the_RFC_8032_seed_has_the_RFC_public_key()
    {
        Assert.True(Ed25519Multikey.TryDecode(TestKeys.EdPublicMultibase(), out var pub));
        Assert.Equal("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", Convert.ToHexStringLower(pub));
        Assert.StartsWith("z6Mk", TestKeys.EdPublicMultibase(), StringComparison.Ordinal);
    }

    [Fact]
    public void Did_key_issuer_is_resolved_without_any_document()
    {
        using var key = TestKeys.EdKey();
        var did = DidKeyResolver.DidFor(key.PublicKey.Export(NSec.Cryptography.KeyBlobFormat.RawPublicKey));
        var vm = did + "#" + did["did:key:".Length..];
        var credential = SampleCredential.Create(ed25519Context: true);
        credential["issuer"] = did;
        var signed = LinkedDataProofs.Sign(credential.ToJsonString(), ProofSuite.Ed25519Signature2020, SigningKey.FromEd25519(key, vm));
        var result = LinkedDataProofs.Verify(signed, new DidKeyResolver());
        Assert.True(result.Verified, result.Reason);
    }

    [Theory]
    [InlineData("did:web:civitas.example", "https://civitas.example/.well-known/did.json")]
    [InlineData("did:web:civitas.example:issuers:registry", "https://civitas.example/issuers/registry/did.json")]
    [InlineData("did:web:localhost%3A8443", "https://localhost:8443/.well-known/did.json")]
    public void Did_web_maps_to_the_did_document_url(string did, string url) =>
        Assert.Equal(url, DidWebResolver.DocumentUrl(did)!.ToString());

    [Fact]
    public void Did_web_issuer_is_resolved_through_the_hosts_own_documents()
    {
        const string did = "did:web:civitas.example";
        var didDocument = new JsonObject
        {
            ["@context"] = new JsonArray("https://www.w3.org/ns/did/v1"),
            ["id"] = did,
            ["verificationMethod"] = new JsonArray(new JsonObject
            {
                ["id"] = did + "#key-1",
                ["type"] = "Ed25519VerificationKey2020",
                ["controller"] = did,
                ["publicKeyMultibase"] = TestKeys.EdPublicMultibase(),
            }),
            ["assertionMethod"] = new JsonArray(did + "#key-1"),
        }.ToJsonString();
        var served = new List<Uri>();
        var resolver = new DidWebResolver(url =>
        {
            served.Add(url);
            return url.AbsoluteUri == "https://civitas.example/.well-known/did.json" ? didDocument : null;
        });

        using var key = TestKeys.EdKey();
        var signed = LinkedDataProofs.Sign(SampleCredential.Create(ed25519Context: true).ToJsonString(), ProofSuite.Ed25519Signature2020, SigningKey.FromEd25519(key, did + "#key-1"));
        var result = LinkedDataProofs.Verify(signed, new ChainedResolver(new DidKeyResolver(), resolver));
        Assert.True(result.Verified, result.Reason);
        Assert.Single(served);
    }

    [Fact]
    public void Unknown_verification_method_is_reported_not_thrown()
    {
        var result = LinkedDataProofs.Verify(ProofInteropTests.SignRsa(), new DocumentSetResolver([]));
        Assert.Equal(VerificationFailure.VerificationMethodNotFound, result.Failure);
    }

    [Fact]
    public void Key_not_listed_under_assertionMethod_is_refused()
    {
        var result = LinkedDataProofs.Verify(ProofInteropTests.SignRsa(), TestKeys.Resolver(authorizeAssertion: false));
        Assert.Equal(VerificationFailure.PurposeNotAuthorized, result.Failure);
    }

    [Fact]
    public void Rsa_proof_naming_an_Ed25519_key_is_a_key_type_mismatch()
    {
        var signed = LinkedDataProofs.Sign(
            SampleCredential.Create().ToJsonString(),
            ProofSuite.RsaSignature2018,
            SigningKey.FromRsa(TestKeys.Rsa, TestKeys.EdKeyId));
        Assert.Equal(VerificationFailure.KeyTypeMismatch, LinkedDataProofs.Verify(signed, TestKeys.Resolver()).Failure);
    }

    [Theory]
    [InlineData("not json", VerificationFailure.MalformedDocument)]
    [InlineData("[1,2]", VerificationFailure.MalformedDocument)]
    [InlineData("""{"@context":"https://www.w3.org/2018/credentials/v1","id":"urn:x"}""", VerificationFailure.NoProof)]
    [InlineData("""{"@context":"https://www.w3.org/2018/credentials/v1","proof":{"type":"BbsBlsSignature2020","proofPurpose":"assertionMethod"}}""", VerificationFailure.UnsupportedProof)]
    [InlineData("""{"@context":"https://evil.example/ctx","proof":{"type":"RsaSignature2018","proofPurpose":"assertionMethod","verificationMethod":"urn:k","jws":"a..b"}}""", VerificationFailure.CanonicalizationFailed)]
    public void Bad_documents_give_a_reason(string document, VerificationFailure expected)
    {
        var result = LinkedDataProofs.Verify(document, TestKeys.Resolver());
        Assert.False(result.Verified);
        Assert.Equal(expected, result.Failure);
        Assert.False(string.IsNullOrEmpty(result.Reason));
    }

    [Fact]
    public void Signing_a_document_with_an_undefined_term_is_refused()
    {
        var credential = SampleCredential.Create();
        credential["credentialSubject"]!["shoeSize"] = "42";
        var ex = Assert.Throws<Civitas.LinkedData.JsonLd.JsonLdException>(() => LinkedDataProofs.Sign(
            credential.ToJsonString(), ProofSuite.RsaSignature2018, SigningKey.FromRsa(TestKeys.Rsa, TestKeys.RsaKeyId)));
        Assert.Equal("undefined term", ex.Code);
    }
}
