namespace Civitas.LinkedData.JsonLd;

/// <summary>Options of the JSON-LD processor.</summary>
public sealed record JsonLdOptions
{
    public static readonly JsonLdOptions Default = new();

    /// <summary>Base IRI of the document, for relative IRIs.</summary>
    public string? Base { get; init; }

    /// <summary>Where contexts come from; defaults to the embedded, offline <see cref="StandardDocumentLoader"/>.</summary>
    public IDocumentLoader DocumentLoader { get; init; } = StandardDocumentLoader.Instance;

    /// <summary>"json-ld-1.1" (default) or "json-ld-1.0".</summary>
    public string ProcessingMode { get; init; } = "json-ld-1.1";

    /// <summary>A context (JSON text) applied before the document's own.</summary>
    public string? ExpandContext { get; init; }

    /// <summary>null (default), "i18n-datatype" or "compound-literal": how @direction reaches RDF.</summary>
    public string? RdfDirection { get; init; }

    /// <summary>
    /// Safe mode (what Linked Data proof verifiers use): a property that does not expand to an IRI, or a type that
    /// stays relative, is an error ("undefined term") instead of being dropped, so unsigned data cannot hide in a document.
    /// </summary>
    public bool Safe { get; init; }
}
