using System.Text.Json.Nodes;
using Civitas.LinkedData.JsonLd;
using Civitas.LinkedData.Proofs;

namespace Civitas.LinkedData.Tests;

/// <summary>
/// Data Integrity eddsa-rdfc-2022 against @digitalbazaar/vc + @digitalbazaar/eddsa-rdfc-2022-cryptosuite. Civitas does
/// not embed the Data Integrity context, so the host (here: the test, from the npm package) registers it.
/// </summary>
public sealed class DataIntegrityInteropTests
{
    private static readonly Lazy<StandardDocumentLoader> Loader = new(() =>
    {
        var context = NodeRunner.Run("eddsa-rdfc-2022.mjs", "context", []);
        return StandardDocumentLoader.Instance.With(context["url"]!.GetValue<string>(), context["json"]!.GetValue<string>());
    });

    public static TheoryData<string> Tamperings => ProofInteropTests.Tamperings;

    [Fact]
    public void Credential_signed_by_Civitas_verifies_in_digitalbazaar()
    {
        var signed = Sign();
        var proof = JsonNode.Parse(signed)!["proof"]!;
        Assert.Equal("DataIntegrityProof", proof["type"]!.GetValue<string>());
        Assert.Equal("eddsa-rdfc-2022", proof["cryptosuite"]!.GetValue<string>());
        Assert.True(LinkedDataProofs.Verify(signed, TestKeys.Resolver(), Options).Verified);

        var result = NodeRunner.Run("eddsa-rdfc-2022.mjs", "verify", TestKeys.EdRequest(JsonNode.Parse(signed)!));
        Assert.True(NodeRunner.Verified(result), result.ToJsonString());
    }

    [Fact]
    public void Credential_signed_by_digitalbazaar_verifies_in_Civitas()
    {
        var result = NodeRunner.Run("eddsa-rdfc-2022.mjs", "sign", TestKeys.EdRequest(Credential()));
        Assert.Equal(TestKeys.EdPublicMultibase(), result["publicKeyMultibase"]!.GetValue<string>());
        var verification = LinkedDataProofs.Verify(result["signed"]!.ToJsonString(), TestKeys.Resolver(), Options);
        Assert.True(verification.Verified, verification.Reason);
    }

    [Theory]
    [MemberData(nameof(Tamperings))]
    public void Tampered_credential_is_rejected_by_both(string tampering)
    {
        var tampered = ProofInteropTests.Tamper(JsonNode.Parse(Sign())!.AsObject(), tampering);
        Assert.False(LinkedDataProofs.Verify(tampered.ToJsonString(), TestKeys.Resolver(), Options).Verified);
        var node = NodeRunner.Run("eddsa-rdfc-2022.mjs", "verify", TestKeys.EdRequest(tampered));
        Assert.False(NodeRunner.Verified(node), node.ToJsonString());
    }

    private static VerifyOptions Options => new() { DocumentLoader = Loader.Value };

    private static JsonObject Credential()
    {
        var credential = SampleCredential.Create();
        credential["@context"] = new JsonArray(
            "https://www.w3.org/2018/credentials/v1", "https://w3id.org/security/data-integrity/v2", CivitasContext.Url);
        return credential;
    }

    private static string Sign()
    {
        using var key = TestKeys.EdKey();
        return LinkedDataProofs.Sign(
            Credential().ToJsonString(),
            ProofSuite.EddsaRdfc2022,
            SigningKey.FromEd25519(key, TestKeys.EdKeyId),
            new ProofOptions { Created = new DateTimeOffset(2026, 3, 1, 10, 0, 0, TimeSpan.Zero), DocumentLoader = Loader.Value });
    }
}
