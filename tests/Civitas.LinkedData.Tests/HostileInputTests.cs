using System.Text.Json.Nodes;
using Civitas.LinkedData.Proofs;

namespace Civitas.LinkedData.Tests;

/// <summary>Inputs an attacker controls must end in a failure result quickly, never hang or throw out of Verify.</summary>
public sealed class HostileInputTests
{
    [Fact]
    public void Clique_of_blank_nodes_is_refused_as_a_canonicalization_failure()
    {
        // Ten indistinguishable blank nodes, each linked to all others: RDFC-1.0's worst case (W3C test074 as JSON-LD).
        var graph = new JsonArray();
        for (var i = 0; i < 10; i++)
        {
            var links = new JsonArray();
            for (var j = 0; j < 10; j++)
            {
                links.Add(new JsonObject { ["@id"] = $"_:e{j}" });
            }

            graph.Add(new JsonObject { ["@id"] = $"_:e{i}", ["http://example.com/p"] = links });
        }

        var document = new JsonObject
        {
            ["@context"] = "https://www.w3.org/2018/credentials/v1",
            ["@graph"] = graph,
            ["proof"] = new JsonObject
            {
                ["type"] = "RsaSignature2018",
                ["proofPurpose"] = "assertionMethod",
                ["verificationMethod"] = TestKeys.RsaKeyId,
                ["jws"] = "e30..AA",
            },
        };

        var result = LinkedDataProofs.Verify(document.ToJsonString(), TestKeys.Resolver());
        Assert.Equal(VerificationFailure.CanonicalizationFailed, result.Failure);
        Assert.Contains("work limit", result.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parallel_verification_shares_cached_contexts_safely()
    {
        var rsa = ProofInteropTests.SignRsa();
        var ed = ProofInteropTests.SignEd();
        var tampered = ProofInteropTests.Tamper(JsonNode.Parse(rsa)!.AsObject(), "claim").ToJsonString();
        var outcomes = new bool[48];
        Parallel.For(0, outcomes.Length, i =>
            outcomes[i] = LinkedDataProofs.Verify((i % 3) switch { 0 => rsa, 1 => ed, _ => tampered }, TestKeys.Resolver()).Verified);
        for (var i = 0; i < outcomes.Length; i++)
        {
            Assert.Equal(i % 3 != 2, outcomes[i]);
        }
    }
}
