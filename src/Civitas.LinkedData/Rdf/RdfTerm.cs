namespace Civitas.LinkedData.Rdf;

/// <summary>The kind of an RDF term.</summary>
public enum RdfTermKind
{
    Iri,
    BlankNode,
    Literal,
}

/// <summary>
/// An RDF term. For a blank node <see cref="Value"/> is the identifier without the <c>_:</c> prefix;
/// for a literal it is the lexical form, with <see cref="Datatype"/> and, for language-tagged strings,
/// <see cref="Language"/>.
/// </summary>
public sealed record RdfTerm(RdfTermKind Kind, string Value, string? Datatype = null, string? Language = null)
{
    internal const string XsdString = "http://www.w3.org/2001/XMLSchema#string";
    internal const string RdfLangString = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString";

    public static RdfTerm Iri(string iri) => new(RdfTermKind.Iri, iri);

    public static RdfTerm Blank(string id) => new(RdfTermKind.BlankNode, id);

    public static RdfTerm Literal(string lexical, string? datatype = null, string? language = null) =>
        new(RdfTermKind.Literal, lexical, language is null ? datatype ?? XsdString : RdfLangString, language);

    public bool IsBlank => Kind == RdfTermKind.BlankNode;
}
