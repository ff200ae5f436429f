using System.Collections.Concurrent;
using Civitas.LinkedData.Rdf;

namespace Civitas.LinkedData.JsonLd;

using Map = Dictionary<string, object?>;

/// <summary>JSON-LD 1.1 expansion and deserialization to RDF.</summary>
public static class JsonLdProcessor
{
    // Initial contexts without a base IRI are shared, so contexts processed on top of them stay cached across documents.
    // Held weakly per loader, so loaders made per request (StandardDocumentLoader.With) do not accumulate.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IDocumentLoader, ConcurrentDictionary<string, ActiveContext>> SharedInitialContexts = new();

    /// <summary>Expands a JSON-LD document (JSON text) and returns the expanded form as JSON text.</summary>
    public static string Expand(string json, JsonLdOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return System.Text.Json.JsonSerializer.Serialize(ExpandParsed(Json.Parse(json), options ?? JsonLdOptions.Default));
    }

    /// <summary>The RDF dataset a JSON-LD document (JSON text) denotes.</summary>
    public static IReadOnlyList<RdfQuad> ToRdf(string json, JsonLdOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(json);
        return ToRdfParsed(Json.Parse(json), options ?? JsonLdOptions.Default);
    }

    /// <summary>
    /// Expands a fetched document: its URL is the base IRI and a context linked from the HTTP response
    /// (<see cref="RemoteDocument.ContextUrl"/>) applies before the document's own.
    /// </summary>
    public static string Expand(RemoteDocument document, JsonLdOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        options = (options ?? JsonLdOptions.Default) with { Base = document.DocumentUrl };
        return System.Text.Json.JsonSerializer.Serialize(ExpandParsed(Json.Parse(document.Json), options, document.ContextUrl));
    }

    internal static List<RdfQuad> ToRdfParsed(object? document, JsonLdOptions options)
    {
        var expanded = ExpandParsed(document, options);
        var nodeMap = new NodeMapBuilder();
        nodeMap.Add(expanded);
        return new RdfSerializer(options).Serialize(nodeMap);
    }

    internal static List<object?> ExpandParsed(object? document, JsonLdOptions options, string? contextUrl = null)
    {
        var contexts = new ContextProcessor(options.DocumentLoader);
        var active = options.Base is null
            ? SharedInitialContexts.GetOrCreateValue(options.DocumentLoader).GetOrAdd(options.ProcessingMode, mode => new ActiveContext(null, mode))
            : new ActiveContext(options.Base, options.ProcessingMode);
        if (options.ExpandContext is not null)
        {
            var expandContext = Json.Parse(options.ExpandContext);
            if (expandContext is Map m && m.TryGetValue("@context", out var inner))
            {
                expandContext = inner;
            }

            active = contexts.Process(active, expandContext, options.Base);
        }

        if (contextUrl is not null)
        {
            active = contexts.Process(active, contextUrl, contextUrl);
        }

        var result = new Expander(contexts, options.Safe).Expand(active, null, document, options.Base);
        if (result is Map map && map.Count == 1 && map.TryGetValue("@graph", out var graph))
        {
            result = graph;
        }

        return result is null ? [] : Json.AsList(result);
    }
}
