using System.Text.Json.Nodes;
using Civitas.LinkedData.Proofs;

namespace Civitas.LinkedData.Tests;

/// <summary>
/// Seeded random damage to a signed credential (values swapped for other JSON types, keywords injected, entries
/// dropped): Verify must answer every time, without throwing, and never say "verified" for a changed document.
/// </summary>
public sealed class MutationTests
{
    private static readonly JsonNode?[] Replacements =
    [
        null, 42, 1.5e300, true, "", "@id", "_:b0", "http://other.example/x",
        new JsonArray(), new JsonArray(1, "x", null), new JsonObject(),
        new JsonObject { ["@value"] = new JsonObject() }, new JsonObject { ["@list"] = 3 },
        new JsonObject { ["@id"] = 7 }, new JsonObject { ["@context"] = "https://nowhere.example/ctx" },
        new JsonObject { ["@type"] = new JsonArray(1) }, new JsonObject { ["@reverse"] = "x" },
        new JsonObject { ["@index"] = false }, new JsonObject { ["@language"] = 5, ["@value"] = "x" },
    ];

    [Theory]
    [InlineData(ProofSuite.RsaSignature2018, 1)]
    [InlineData(ProofSuite.Ed25519Signature2020, 2)]
    public void Damaged_credentials_are_refused_without_exceptions(ProofSuite suite, int seed)
    {
        var signed = suite == ProofSuite.RsaSignature2018 ? ProofInteropTests.SignRsa() : ProofInteropTests.SignEd();
        var original = JsonNode.Parse(signed)!;
        var random = new Random(seed);
        var resolver = TestKeys.Resolver();
        for (var i = 0; i < 150; i++)
        {
            var copy = original.DeepClone();
            var nodes = Containers(copy).ToList();
            var (parent, key) = nodes[random.Next(nodes.Count)];
            var replacement = Replacements[random.Next(Replacements.Length)]?.DeepClone();
            if (parent is JsonObject obj)
            {
                if (random.Next(4) == 0)
                {
                    obj.Remove((string)key);
                }
                else
                {
                    obj[(string)key] = replacement;
                }
            }
            else
            {
                ((JsonArray)parent)[(int)key] = replacement;
            }

            var mutated = copy.ToJsonString();
            var result = LinkedDataProofs.Verify(mutated, resolver);
            if (result.Verified)
            {
                // Only a change that leaves the signed RDF untouched may verify.
                Assert.Equal(
                    Canonical(original),
                    Canonical(copy));
            }
            else
            {
                Assert.False(string.IsNullOrEmpty(result.Reason));
            }
        }
    }

    private static string Canonical(JsonNode node)
    {
        var doc = node.DeepClone().AsObject();
        doc.Remove("proof");
        return ProofHashing.Canonicalize(Civitas.LinkedData.JsonLd.Json.Parse(doc.ToJsonString())!, Civitas.LinkedData.JsonLd.StandardDocumentLoader.Instance)
            + node["proof"]?.ToJsonString();
    }

    private static IEnumerable<(JsonNode Parent, object Key)> Containers(JsonNode node)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (k, v) in o.ToList())
                {
                    yield return (o, k);
                    if (v is not null)
                    {
                        foreach (var inner in Containers(v))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
            case JsonArray a:
                for (var i = 0; i < a.Count; i++)
                {
                    yield return (a, i);
                    if (a[i] is { } v)
                    {
                        foreach (var inner in Containers(v))
                        {
                            yield return inner;
                        }
                    }
                }

                break;
        }
    }
}
