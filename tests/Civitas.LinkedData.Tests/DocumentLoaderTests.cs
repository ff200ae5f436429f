using Civitas.LinkedData.JsonLd;

namespace Civitas.LinkedData.Tests;

public sealed class DocumentLoaderTests
{
    public static TheoryData<string, string> EmbeddedContexts => new()
    {
        { "https://www.w3.org/2018/credentials/v1", "www_w3_org_2018_credentials_v1.jsonld" },
        { "https://w3id.org/security/v1", "w3id_org_security_v1.jsonld" },
        { "https://w3id.org/security/v2", "w3id_org_security_v2.jsonld" },
        { "https://w3id.org/security/suites/ed25519-2020/v1", "w3id_org_security_suites_ed25519-2020_v1.jsonld" },
    };

    [Theory]
    [MemberData(nameof(EmbeddedContexts))]
    public void Embedded_contexts_are_served_byte_for_byte(string url, string file)
    {
        var expected = File.ReadAllText(Path.Combine(TestPaths.Vectors("contexts"), file));
        Assert.Equal(expected, StandardDocumentLoader.Instance.Load(url).Json);
    }

    [Fact]
    public void Unknown_remote_contexts_are_refused_not_fetched()
    {
        var ex = Assert.Throws<JsonLdException>(() =>
            JsonLdProcessor.Expand("""{"@context":"https://example.org/ctx.jsonld","name":"x"}"""));
        Assert.Equal("loading remote context failed", ex.Code);
    }

    [Fact]
    public void Extra_documents_can_be_served_by_a_derived_loader()
    {
        var loader = StandardDocumentLoader.Instance.With("https://example.org/ctx", """{"@context":{"name":"https://schema.org/name"}}""");
        var quads = JsonLdProcessor.ToRdf("""{"@context":"https://example.org/ctx","@id":"urn:a","name":"x"}""", new JsonLdOptions { DocumentLoader = loader });
        var quad = Assert.Single(quads);
        Assert.Equal("https://schema.org/name", quad.Predicate.Value);
        Assert.Throws<JsonLdException>(() => StandardDocumentLoader.Instance.Load("https://example.org/ctx"));
    }

    [Fact]
    public void Processed_contexts_are_reused_across_documents()
    {
        // The same URL yields one cached active context, so later documents do no context processing.
        const string doc = """{"@context":"https://www.w3.org/2018/credentials/v1","id":"urn:c","type":"VerifiableCredential"}""";
        var first = JsonLdProcessor.Expand(doc);
        var second = JsonLdProcessor.Expand(doc);
        Assert.Equal(first, second);
        Assert.Contains("https://www.w3.org/2018/credentials#VerifiableCredential", first, StringComparison.Ordinal);
    }
}
