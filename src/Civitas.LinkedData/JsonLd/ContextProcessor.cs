namespace Civitas.LinkedData.JsonLd;

using Map = Dictionary<string, object?>;

/// <summary>
/// Context processing (JSON-LD 1.1 API section 4.1), with the cache of processed contexts. Term definitions
/// (4.2) and IRI expansion (5.2) are the other parts of this class, in the files beside it.
/// </summary>
internal sealed partial class ContextProcessor(IDocumentLoader loader)
{
    private const int MaxRemoteContexts = 32;

    private static readonly HashSet<string> Keywords =
    [
        "@base", "@container", "@context", "@default", "@direction", "@embed", "@explicit", "@graph", "@id", "@import",
        "@included", "@index", "@json", "@language", "@list", "@nest", "@none", "@omitDefault", "@prefix", "@preserve",
        "@propagate", "@protected", "@requireAll", "@reverse", "@set", "@type", "@value", "@version", "@vocab",
    ];

    private static readonly HashSet<string> TermDefinitionKeys =
    [
        "@id", "@reverse", "@container", "@context", "@direction", "@index", "@language", "@nest", "@prefix", "@protected", "@type",
    ];

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IDocumentLoader, System.Collections.Concurrent.ConcurrentDictionary<string, (string Url, object? Context)>> Documents = new();

    public static bool IsKeyword(string? s) => s is not null && Keywords.Contains(s);

    public static bool HasKeywordForm(string s)
    {
        if (s.Length < 2 || s[0] != '@')
        {
            return false;
        }

        for (var i = 1; i < s.Length; i++)
        {
            if (!char.IsAsciiLetter(s[i]))
            {
                return false;
            }
        }

        return true;
    }

    public ActiveContext Process(
        ActiveContext active,
        object? local,
        string? baseUrl,
        List<string>? remoteContexts = null,
        bool overrideProtected = false,
        bool propagate = true,
        bool validateScopedContext = true,
        bool stableLocal = false)
    {
        // Processed contexts are cached per (active context, local context): by URL, or by reference for scoped
        // contexts owned by a term definition (stableLocal). A document's own inline context is never cached.
        var cacheable = remoteContexts is null && validateScopedContext && (local is string || (stableLocal && local is not null));
        var key = (local!, baseUrl, overrideProtected, propagate);
        if (cacheable && active.Derived.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var result = ProcessUncached(active, local, baseUrl, remoteContexts ?? [], overrideProtected, propagate, validateScopedContext);
        if (cacheable)
        {
            active.Derived.TryAdd(key, result);
        }

        return result;
    }

    private ActiveContext ProcessUncached(
        ActiveContext active,
        object? local,
        string? baseUrl,
        List<string> remoteContexts,
        bool overrideProtected,
        bool propagate,
        bool validateScopedContext)
    {
        // Active contexts are immutable once built; 'owned' says whether result is our private copy yet.
        var result = active;
        var owned = false;
        if (local is Map lm && lm.TryGetValue("@propagate", out var pv))
        {
            propagate = pv as bool? ?? throw new JsonLdException("invalid @propagate value", "@propagate must be a boolean");
        }

        if (!propagate && result.Previous is null)
        {
            result = active.Clone();
            result.Previous = active;
            owned = true;
        }

        foreach (var item in Json.AsList(local))
        {
            if (item is null)
            {
                if (!overrideProtected && result.Terms.Values.Any(t => t.Protected))
                {
                    throw new JsonLdException("invalid context nullification", "cannot nullify a context with protected terms");
                }

                var previous = result;
                result = active.Reset();
                owned = true;
                if (!propagate)
                {
                    result.Previous = previous;
                }

                continue;
            }

            if (item is string s)
            {
                var url = Iri.Resolve(baseUrl, s);
                if (!validateScopedContext && remoteContexts.Contains(url))
                {
                    continue;
                }

                if (remoteContexts.Count >= MaxRemoteContexts)
                {
                    throw new JsonLdException("context overflow", $"too many nested remote contexts at {url}");
                }

                remoteContexts.Add(url);

                // A remote context applied to a given active context always gives the same result: cache it there.
                var key = ((object)url, (string?)"remote", false, true);
                if (validateScopedContext && result.Derived.TryGetValue(key, out var cached))
                {
                    result = cached;
                    owned = false;
                    continue;
                }

                var (docUrl, loaded) = LoadContext(url);
                var processed = ProcessUncached(result, loaded, docUrl, [.. remoteContexts], false, true, validateScopedContext);
                if (validateScopedContext)
                {
                    result.Derived.TryAdd(key, processed);
                }

                result = processed;
                owned = false;
                continue;
            }

            if (item is not Map context)
            {
                throw new JsonLdException("invalid local context", "a context must be null, a string or an object");
            }

            if (!owned)
            {
                result = result.Clone();
                owned = true;
            }

            if (context.TryGetValue("@version", out var version))
            {
                if (version is not double d || d != 1.1)
                {
                    throw new JsonLdException("invalid @version value", "@version must be 1.1");
                }

                if (active.IsJsonLd10)
                {
                    throw new JsonLdException("processing mode conflict", "@version 1.1 in json-ld-1.0 mode");
                }
            }

            if (context.TryGetValue("@import", out var import))
            {
                if (active.IsJsonLd10)
                {
                    throw new JsonLdException("invalid context entry", "@import in json-ld-1.0 mode");
                }

                if (import is not string importRef)
                {
                    throw new JsonLdException("invalid @import value", "@import must be a string");
                }

                var (_, imported) = LoadContext(Iri.Resolve(baseUrl, importRef));
                if (imported is not Map importMap)
                {
                    throw new JsonLdException("invalid remote context", "an imported context must be an object");
                }

                if (importMap.ContainsKey("@import"))
                {
                    throw new JsonLdException("invalid context entry", "an imported context must not import");
                }

                var merged = new Map(importMap, StringComparer.Ordinal);
                foreach (var (k, v) in context)
                {
                    merged[k] = v;
                }

                context = merged;
            }

            if (context.TryGetValue("@base", out var baseValue) && remoteContexts.Count == 0)
            {
                if (baseValue is null)
                {
                    result.BaseIri = null;
                }
                else if (baseValue is string b && Iri.IsAbsolute(b))
                {
                    result.BaseIri = b;
                }
                else if (baseValue is string rel && result.BaseIri is not null)
                {
                    result.BaseIri = Iri.Resolve(result.BaseIri, rel);
                }
                else
                {
                    throw new JsonLdException("invalid base IRI", "@base must be an IRI");
                }
            }

            if (context.TryGetValue("@vocab", out var vocab))
            {
                if (vocab is null)
                {
                    result.Vocab = null;
                }
                else if (vocab is string v && (v.Length == 0 || Iri.IsAbsolute(v) || v.StartsWith("_:", StringComparison.Ordinal) || !active.IsJsonLd10))
                {
                    result.Vocab = ExpandIri(result, v, documentRelative: true, vocab: true);
                }
                else
                {
                    throw new JsonLdException("invalid vocab mapping", "@vocab must be an IRI");
                }
            }

            if (context.TryGetValue("@language", out var language))
            {
                result.DefaultLanguage = language switch
                {
                    null => null,
                    string l => l.ToLowerInvariant(),
                    _ => throw new JsonLdException("invalid default language", "@language must be a string"),
                };
            }

            if (context.TryGetValue("@direction", out var direction))
            {
                if (active.IsJsonLd10)
                {
                    throw new JsonLdException("invalid context entry", "@direction in json-ld-1.0 mode");
                }

                result.DefaultDirection = direction switch
                {
                    null => null,
                    "ltr" or "rtl" => (string)direction,
                    _ => throw new JsonLdException("invalid base direction", "@direction must be ltr or rtl"),
                };
            }

            if (context.TryGetValue("@propagate", out var propagateValue))
            {
                if (active.IsJsonLd10)
                {
                    throw new JsonLdException("invalid context entry", "@propagate in json-ld-1.0 mode");
                }

                if (propagateValue is not bool)
                {
                    throw new JsonLdException("invalid @propagate value", "@propagate must be a boolean");
                }
            }

            var isProtected = false;
            if (context.TryGetValue("@protected", out var protectedValue))
            {
                isProtected = protectedValue as bool? ?? throw new JsonLdException("invalid @protected value", "@protected must be a boolean");
            }

            var defined = new Dictionary<string, bool>(StringComparer.Ordinal);
            foreach (var term in context.Keys)
            {
                if (term is "@base" or "@direction" or "@import" or "@language" or "@propagate" or "@protected" or "@version" or "@vocab")
                {
                    continue;
                }

                CreateTermDefinition(result, new Scope(context, defined, baseUrl, isProtected, overrideProtected, remoteContexts), term);
            }
        }

        return result;
    }

    private (string Url, object? Context) LoadContext(string url)
    {
        var cache = Documents.GetOrCreateValue(loader);
        return cache.GetOrAdd(url, u =>
        {
            RemoteDocument doc;
            object? parsed;
            try
            {
                doc = loader.Load(u);
                parsed = Json.Parse(doc.Json);
            }
            catch (Exception ex) when (ex is JsonLdException or System.Text.Json.JsonException or IOException)
            {
                throw new JsonLdException("loading remote context failed", $"could not load context {u}", ex);
            }

            if (parsed is not Map m || !m.TryGetValue("@context", out var ctx))
            {
                throw new JsonLdException("invalid remote context", $"{u} has no @context");
            }

            return (doc.DocumentUrl, ctx);
        });
    }
}
