using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Civitas.LinkedData.JsonLd;
using Civitas.LinkedData.Proofs;

namespace Civitas.LinkedData.Tests;

/// <summary>
/// JWS headers other issuers produce: RS256 is accepted next to PS256, the signing input is built from the header
/// bytes as received (never a re-serialised header), and a header without b64:false is refused.
/// </summary>
public sealed class RsaJwsVariantsTests
{
    [Theory]
    [InlineData("""{"alg":"RS256","b64":false,"crit":["b64"]}""", true)]
    [InlineData("""{ "crit" : ["b64"], "kid": "mosip-key-7", "b64" : false, "alg" : "PS256" }""", true)]
    [InlineData("""{"alg":"PS256","crit":["b64"]}""", false)]
    [InlineData("""{"alg":"HS256","b64":false,"crit":["b64"]}""", false)]
    public void Jws_header_variants(string header, bool accepted)
    {
        var signed = JsonNode.Parse(ProofInteropTests.SignRsa())!.AsObject();
        var proof = signed["proof"]!.AsObject();
        var verifyData = VerifyDataOf(signed);

        var encodedHeader = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(header));
        var input = Encoding.ASCII.GetBytes(encodedHeader + ".").Concat(verifyData).ToArray();
        var padding = header.Contains("RS256", StringComparison.Ordinal) ? RSASignaturePadding.Pkcs1 : RSASignaturePadding.Pss;
        var signature = TestKeys.Rsa.SignData(input, HashAlgorithmName.SHA256, padding);
        proof["jws"] = encodedHeader + ".." + Base64Url.EncodeToString(signature);

        var result = LinkedDataProofs.Verify(signed.ToJsonString(), TestKeys.Resolver());
        Assert.Equal(accepted, result.Verified);
        if (!accepted)
        {
            Assert.Equal(VerificationFailure.InvalidSignature, result.Failure);
        }
    }

    [Fact]
    public void A_valid_signature_over_other_data_is_refused()
    {
        var signed = JsonNode.Parse(ProofInteropTests.SignRsa())!.AsObject();
        var other = JsonNode.Parse(ProofInteropTests.SignRsa())!.AsObject();
        other["credentialSubject"]!["UIN"] = "1111111111";
        var otherData = VerifyDataOf(other);
        var encodedHeader = Base64Url.EncodeToString("""{"alg":"PS256","b64":false,"crit":["b64"]}"""u8);
        var input = Encoding.ASCII.GetBytes(encodedHeader + ".").Concat(otherData).ToArray();
        signed["proof"]!["jws"] = encodedHeader + ".." +
            Base64Url.EncodeToString(TestKeys.Rsa.SignData(input, HashAlgorithmName.SHA256, RSASignaturePadding.Pss));
        Assert.False(LinkedDataProofs.Verify(signed.ToJsonString(), TestKeys.Resolver()).Verified);
    }

    /// <summary>SHA-256(c14n proof options in security v2) ‖ SHA-256(c14n document without proof), computed here step by step.</summary>
    private static byte[] VerifyDataOf(JsonObject signed)
    {
        var document = (JsonObject)signed.DeepClone();
        var options = (JsonObject)document["proof"]!.DeepClone();
        document.Remove("proof");
        options.Remove("jws");
        options["@context"] = "https://w3id.org/security/v2";
        var c14nOptions = ProofHashing.Canonicalize(Json.Parse(options.ToJsonString())!, StandardDocumentLoader.Instance);
        var c14nDocument = ProofHashing.Canonicalize(Json.Parse(document.ToJsonString())!, StandardDocumentLoader.Instance);
        Assert.Contains("<https://w3id.org/security#proofPurpose> <https://w3id.org/security#assertionMethod>", c14nOptions, StringComparison.Ordinal);
        Assert.DoesNotContain("jws", c14nOptions, StringComparison.Ordinal);
        return [.. SHA256.HashData(Encoding.UTF8.GetBytes(c14nOptions)), .. SHA256.HashData(Encoding.UTF8.GetBytes(c14nDocument))];
    }
}
