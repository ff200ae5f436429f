using System.Text.Json;
using Civitas.LinkedData.Canonicalization;
using Civitas.LinkedData.Rdf;

namespace Civitas.LinkedData.Tests;

/// <summary>Every entry of the W3C RDFC-1.0 test suite, one theory case each.</summary>
public sealed class RdfCanonSuiteTests
{
    public static TheoryData<string> EvalTests => RdfCanonSuite.Ids("rdfc:RDFC10EvalTest");

    public static TheoryData<string> MapTests => RdfCanonSuite.Ids("rdfc:RDFC10MapTest");

    public static TheoryData<string> NegativeTests => RdfCanonSuite.Ids("rdfc:RDFC10NegativeEvalTest");

    [Theory]
    [MemberData(nameof(EvalTests))]
    public void Canonical_nquads_match_the_expected_output(string id)
    {
        var entry = RdfCanonSuite.Get(id);
        var result = Run(entry);
        var expected = File.ReadAllText(Path.Combine(RdfCanonSuite.Folder, entry.Result!));
        Assert.Equal(expected, result.NQuads);
    }

    [Theory]
    [MemberData(nameof(MapTests))]
    public void Issued_identifiers_match_the_expected_map(string id)
    {
        var entry = RdfCanonSuite.Get(id);
        var result = Run(entry);
        using var doc = JsonDocument.Parse(File.ReadAllText(Path.Combine(RdfCanonSuite.Folder, entry.Result!)));
        var expected = doc.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetString()!);
        Assert.Equal(expected.OrderBy(p => p.Key), result.IssuedIdentifiers.OrderBy(p => p.Key));
    }

    [Theory]
    [MemberData(nameof(NegativeTests))]
    public void Poison_graphs_are_refused(string id)
    {
        var entry = RdfCanonSuite.Get(id);
        Assert.Throws<CanonicalizationLimitExceededException>(() => Run(entry));
    }

    internal static CanonicalizationResult Run(RdfCanonSuite.Entry entry)
    {
        var input = NQuadsParser.Parse(File.ReadAllText(Path.Combine(RdfCanonSuite.Folder, entry.Action)));
        var options = new CanonicalizationOptions
        {
            Hash = entry.HashAlgorithm == "SHA384" ? CanonicalizationHash.Sha384 : CanonicalizationHash.Sha256,
        };
        return RdfCanonicalizer.Canonicalize(input, options);
    }
}
