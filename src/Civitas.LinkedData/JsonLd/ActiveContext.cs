using System.Collections.Concurrent;

namespace Civitas.LinkedData.JsonLd;

/// <summary>
/// An active context. Once context processing has produced one it is never changed, so results of processing a
/// context on top of it can be cached on it (<see cref="Derived"/>) and shared across documents and threads.
/// </summary>
internal sealed class ActiveContext
{
    public ActiveContext(string? baseIri, string processingMode)
    {
        BaseIri = baseIri;
        OriginalBaseIri = baseIri;
        ProcessingMode = processingMode;
    }

    public string? BaseIri { get; set; }

    public string? OriginalBaseIri { get; private set; }

    public string? Vocab { get; set; }

    public string? DefaultLanguage { get; set; }

    public string? DefaultDirection { get; set; }

    public ActiveContext? Previous { get; set; }

    public string ProcessingMode { get; }

    public Dictionary<string, TermDefinition> Terms { get; private set; } = new(StringComparer.Ordinal);

    /// <summary>Contexts derived from this one, keyed by the local context (reference or URL) and processing flags.</summary>
    public ConcurrentDictionary<(object Local, string? BaseUrl, bool Override, bool Propagate), ActiveContext> Derived { get; } = new();

    public bool IsJsonLd10 => ProcessingMode == "json-ld-1.0";

    public TermDefinition? Term(string? term) =>
        term is not null && Terms.TryGetValue(term, out var d) ? d : null;

    public ActiveContext Clone()
    {
        var c = new ActiveContext(BaseIri, ProcessingMode)
        {
            OriginalBaseIri = OriginalBaseIri,
            Vocab = Vocab,
            DefaultLanguage = DefaultLanguage,
            DefaultDirection = DefaultDirection,
            Previous = Previous,
            Terms = new Dictionary<string, TermDefinition>(Terms, StringComparer.Ordinal),
        };
        return c;
    }

    /// <summary>A fresh context as after <c>"@context": null</c>: only the original base IRI survives.</summary>
    public ActiveContext Reset()
    {
        var c = new ActiveContext(OriginalBaseIri, ProcessingMode);
        return c;
    }
}
