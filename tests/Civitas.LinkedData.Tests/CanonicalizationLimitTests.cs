using Civitas.LinkedData.Canonicalization;
using Civitas.LinkedData.Rdf;

namespace Civitas.LinkedData.Tests;

/// <summary>Both work limits are wired: a dataset that needs more than the allowance is refused, not ground through.</summary>
public sealed class CanonicalizationLimitTests
{
    [Fact]
    public void Permutation_cap_refuses_a_dataset_that_needs_more_orderings()
    {
        var entry = RdfCanonSuite.Get("#test044c");
        var quads = NQuadsParser.Parse(File.ReadAllText(Path.Combine(RdfCanonSuite.Folder, entry.Action)));
        Assert.NotEmpty(RdfCanonicalizer.Canonicalize(quads).NQuads);
        Assert.Throws<CanonicalizationLimitExceededException>(() =>
            RdfCanonicalizer.Canonicalize(quads, new CanonicalizationOptions { MaxPermutations = 1 }));
    }

    [Fact]
    public void Work_factor_one_refuses_what_work_factor_two_accepts()
    {
        var entry = RdfCanonSuite.Get("#test044c");
        var quads = NQuadsParser.Parse(File.ReadAllText(Path.Combine(RdfCanonSuite.Folder, entry.Action)));
        Assert.Throws<CanonicalizationLimitExceededException>(() =>
            RdfCanonicalizer.Canonicalize(quads, new CanonicalizationOptions { MaxWorkFactor = 1 }));
    }
}
