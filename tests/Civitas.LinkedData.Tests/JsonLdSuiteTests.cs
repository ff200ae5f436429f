using System.Text.Json;
using Civitas.LinkedData.Canonicalization;
using Civitas.LinkedData.JsonLd;
using Civitas.LinkedData.Rdf;

namespace Civitas.LinkedData.Tests;

/// <summary>The W3C JSON-LD 1.1 expand and toRdf suites, one theory case per manifest entry.</summary>
public sealed class JsonLdSuiteTests
{
    public static TheoryData<string> ExpandPositive => JsonLdSuite.Ids("expand", e => !e.IsNegative);

    public static TheoryData<string> ExpandNegative => JsonLdSuite.Ids("expand", e => e.IsNegative);

    public static TheoryData<string> ToRdfPositive => JsonLdSuite.Ids("toRdf", e => !e.IsNegative && !e.IsSyntax);

    public static TheoryData<string> ToRdfSyntax => JsonLdSuite.Ids("toRdf", e => e.IsSyntax);

    public static TheoryData<string> ToRdfNegative => JsonLdSuite.Ids("toRdf", e => e.IsNegative);

    [Theory]
    [MemberData(nameof(ExpandPositive))]
    public void Expand(string id) => RunExpand(JsonLdSuite.Get("expand", id));

    [Theory]
    [MemberData(nameof(ExpandNegative))]
    public void Expand_error(string id) => RunExpand(JsonLdSuite.Get("expand", id));

    [Theory]
    [MemberData(nameof(ToRdfPositive))]
    public void ToRdf(string id) => RunToRdf(JsonLdSuite.Get("toRdf", id));

    [Theory]
    [MemberData(nameof(ToRdfSyntax))]
    public void ToRdf_syntax(string id) => RunToRdf(JsonLdSuite.Get("toRdf", id));

    [Theory]
    [MemberData(nameof(ToRdfNegative))]
    public void ToRdf_error(string id) => RunToRdf(JsonLdSuite.Get("toRdf", id));

    internal static void Run(JsonLdSuite.Entry e)
    {
        if (e.Suite == "expand")
        {
            RunExpand(e);
        }
        else
        {
            RunToRdf(e);
        }
    }

    private static void RunExpand(JsonLdSuite.Entry e)
    {
        var input = JsonLdSuite.Read(e.Input);
        if (e.IsNegative)
        {
            var ex = Assert.Throws<JsonLdException>(() => JsonLdProcessor.Expand(input, JsonLdSuite.Options(e)));
            Assert.Equal(e.ErrorCode, ex.Code);
            return;
        }

        var actual = JsonLdProcessor.Expand(input, JsonLdSuite.Options(e));
        using var expected = JsonDocument.Parse(JsonLdSuite.Read(e.Expect!));
        using var got = JsonDocument.Parse(actual);
        Assert.True(
            JsonLdEquality.Equal(expected.RootElement, got.RootElement),
            $"expected:\n{expected.RootElement}\nactual:\n{actual}");
    }

    private static void RunToRdf(JsonLdSuite.Entry e)
    {
        var input = JsonLdSuite.Read(e.Input);
        if (e.IsNegative)
        {
            var ex = Assert.Throws<JsonLdException>(() => JsonLdProcessor.ToRdf(input, JsonLdSuite.Options(e)));
            Assert.Equal(e.ErrorCode, ex.Code);
            return;
        }

        var quads = JsonLdProcessor.ToRdf(input, JsonLdSuite.Options(e));
        if (e.IsSyntax)
        {
            return;
        }

        // Blank node labels are arbitrary: compare canonical forms (RDFC-1.0 is proven by the rdf-canon suite).
        var expected = RdfCanonicalizer.Canonicalize(NQuadsParser.Parse(JsonLdSuite.Read(e.Expect!))).NQuads;
        var actual = RdfCanonicalizer.Canonicalize(quads).NQuads;
        Assert.Equal(expected, actual);
    }
}
