namespace Civitas.LinkedData.JsonLd;

using Map = Dictionary<string, object?>;

/// <summary>Context processing and term definition creation (JSON-LD 1.1 API, sections 4.1 and 4.2) and IRI expansion (5.2).</summary>
internal sealed class ContextProcessor(IDocumentLoader loader)
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

    /// <summary>The context definition being processed, so that terms it defines in terms of each other share its settings.</summary>
    internal sealed record Scope(
        Map Local,
        Dictionary<string, bool> Defined,
        string? BaseUrl,
        bool Protected,
        bool OverrideProtected,
        List<string> RemoteContexts);

    private void CreateTermDefinition(ActiveContext active, Scope scope, string term)
    {
        var (local, defined, baseUrl, isProtected, overrideProtected, remoteContexts) = scope;
        if (defined.TryGetValue(term, out var done))
        {
            if (done)
            {
                return;
            }

            throw new JsonLdException("cyclic IRI mapping", $"term '{term}' is defined through itself");
        }

        if (term.Length == 0)
        {
            throw new JsonLdException("invalid term definition", "the empty string is not a term");
        }

        defined[term] = false;
        var value = local[term];

        if (term == "@type" && !active.IsJsonLd10 && value is Map tm && tm.Count > 0 &&
            tm.All(p => (p.Key == "@container" && p.Value as string == "@set") || p.Key == "@protected"))
        {
            // The one keyword that may be "redefined": @type as a set, optionally protected.
        }
        else if (IsKeyword(term))
        {
            throw new JsonLdException("keyword redefinition", $"'{term}' is a keyword");
        }
        else if (HasKeywordForm(term))
        {
            return;
        }

        var previous = active.Term(term);
        active.Terms.Remove(term);

        var simpleTerm = false;
        Map map;
        if (value is null)
        {
            map = new Map { ["@id"] = null };
        }
        else if (value is string sv)
        {
            map = new Map { ["@id"] = sv };
            simpleTerm = true;
        }
        else if (value is Map vm)
        {
            map = vm;
        }
        else
        {
            throw new JsonLdException("invalid term definition", $"term '{term}' must be a string or an object");
        }

        var def = new TermDefinition { Protected = isProtected };
        if (map.TryGetValue("@protected", out var p))
        {
            if (active.IsJsonLd10)
            {
                throw new JsonLdException("invalid term definition", "@protected in json-ld-1.0 mode");
            }

            def.Protected = p as bool? ?? throw new JsonLdException("invalid @protected value", "@protected must be a boolean");
        }

        if (map.TryGetValue("@type", out var typeValue))
        {
            if (typeValue is not string type)
            {
                throw new JsonLdException("invalid type mapping", "@type must be a string");
            }

            var expanded = ExpandIri(active, type, vocab: true, scope: scope);
            if ((expanded is "@json" or "@none") && active.IsJsonLd10)
            {
                throw new JsonLdException("invalid type mapping", $"{expanded} in json-ld-1.0 mode");
            }

            if (expanded is not ("@id" or "@json" or "@none" or "@vocab") && (expanded is null || !Iri.IsAbsolute(expanded)))
            {
                throw new JsonLdException("invalid type mapping", $"'{type}' is not an IRI");
            }

            def.TypeMapping = expanded;
        }

        if (map.TryGetValue("@reverse", out var reverseValue))
        {
            if (map.ContainsKey("@id") || map.ContainsKey("@nest"))
            {
                throw new JsonLdException("invalid reverse property", "@reverse with @id or @nest");
            }

            if (reverseValue is not string reverse)
            {
                throw new JsonLdException("invalid IRI mapping", "@reverse must be a string");
            }

            if (HasKeywordForm(reverse))
            {
                return;
            }

            var iri = ExpandIri(active, reverse, vocab: true, scope: scope);
            if (iri is null || !(Iri.IsAbsolute(iri) || iri.StartsWith("_:", StringComparison.Ordinal)))
            {
                throw new JsonLdException("invalid IRI mapping", $"@reverse '{reverse}' is not an IRI");
            }

            def.IriMapping = iri;
            if (map.TryGetValue("@container", out var rc))
            {
                if (rc is not (null or "@set" or "@index"))
                {
                    throw new JsonLdException("invalid reverse property", "a reverse property's container must be @set or @index");
                }

                def.Container = rc is string rcs ? [rcs] : [];
            }

            if (map.TryGetValue("@index", out var reverseIndex))
            {
                if (reverseIndex is not string ri || !def.HasContainer("@index"))
                {
                    throw new JsonLdException("invalid term definition", "@index needs an @index container");
                }

                def.Index = ri;
            }

            def.Reverse = true;
            active.Terms[term] = def;
            defined[term] = true;
            return;
        }

        if (map.TryGetValue("@id", out var idValue) && !(idValue is string ids && ids == term))
        {
            if (idValue is null)
            {
                def.IriMapping = null;
            }
            else
            {
                if (idValue is not string id)
                {
                    throw new JsonLdException("invalid IRI mapping", "@id must be a string");
                }

                if (!IsKeyword(id) && HasKeywordForm(id))
                {
                    return;
                }

                var iri = ExpandIri(active, id, vocab: true, scope: scope);
                if (iri is null || (!IsKeyword(iri) && !iri.Contains(':', StringComparison.Ordinal)))
                {
                    throw new JsonLdException("invalid IRI mapping", $"'{id}' is not an IRI");
                }

                if (iri == "@context")
                {
                    throw new JsonLdException("invalid keyword alias", "@context cannot be aliased");
                }

                def.IriMapping = iri;
                var colon = term.IndexOf(':', 1);
                if ((colon > 0 && colon < term.Length - 1) || term.Contains('/', StringComparison.Ordinal))
                {
                    defined[term] = true;
                    if (ExpandIri(active, term, vocab: true, scope: scope) != iri)
                    {
                        throw new JsonLdException("invalid IRI mapping", $"term '{term}' looks like an IRI but maps elsewhere");
                    }
                }
                else if (!term.Contains(':', StringComparison.Ordinal) && simpleTerm &&
                         (iri.StartsWith("_:", StringComparison.Ordinal) || (iri.Length > 0 && ":/?#[]@".Contains(iri[^1], StringComparison.Ordinal))))
                {
                    def.Prefix = true;
                }
            }
        }
        else if (term.IndexOf(':', 1) > 0)
        {
            var colon = term.IndexOf(':', 1);
            var prefix = term[..colon];
            var suffix = term[(colon + 1)..];
            if (local.ContainsKey(prefix))
            {
                CreateTermDefinition(active, scope, prefix);
            }

            def.IriMapping = active.Term(prefix) is { IriMapping: not null } pd ? pd.IriMapping + suffix : term;
        }
        else if (term.Contains('/', StringComparison.Ordinal))
        {
            var iri = ExpandIri(active, term, vocab: true);
            if (iri is null || !Iri.IsAbsolute(iri))
            {
                throw new JsonLdException("invalid IRI mapping", $"'{term}' is not an IRI");
            }

            def.IriMapping = iri;
        }
        else if (term == "@type")
        {
            def.IriMapping = "@type";
        }
        else if (active.Vocab is not null)
        {
            def.IriMapping = active.Vocab + term;
        }
        else
        {
            throw new JsonLdException("invalid IRI mapping", $"term '{term}' has no IRI and there is no @vocab");
        }

        if (map.TryGetValue("@container", out var containerValue))
        {
            def.Container = ValidateContainer(active, containerValue);
            if (def.HasContainer("@type"))
            {
                def.TypeMapping ??= "@id";
                if (def.TypeMapping is not ("@id" or "@vocab"))
                {
                    throw new JsonLdException("invalid type mapping", "a type map's @type must be @id or @vocab");
                }
            }
        }

        if (map.TryGetValue("@index", out var indexValue))
        {
            if (active.IsJsonLd10 || !def.HasContainer("@index"))
            {
                throw new JsonLdException("invalid term definition", "@index needs an @index container");
            }

            if (indexValue is not string index || ExpandIri(active, index, vocab: true) is not { } ie || !Iri.IsAbsolute(ie))
            {
                throw new JsonLdException("invalid term definition", "@index must be an IRI");
            }

            def.Index = index;
        }

        if (map.TryGetValue("@context", out var scoped))
        {
            if (active.IsJsonLd10)
            {
                throw new JsonLdException("invalid term definition", "scoped context in json-ld-1.0 mode");
            }

            try
            {
                ProcessUncached(active, scoped, baseUrl, [.. remoteContexts], true, true, false);
            }
            catch (JsonLdException ex)
            {
                throw new JsonLdException("invalid scoped context", $"the context of term '{term}' is invalid", ex);
            }

            def.HasLocalContext = true;
            def.LocalContext = scoped;
            def.BaseUrl = baseUrl;
        }

        if (map.TryGetValue("@language", out var languageValue) && !map.ContainsKey("@type"))
        {
            def.HasLanguage = true;
            def.Language = languageValue switch
            {
                null => null,
                string l => l.ToLowerInvariant(),
                _ => throw new JsonLdException("invalid language mapping", "@language must be a string or null"),
            };
        }

        if (map.TryGetValue("@direction", out var directionValue) && !map.ContainsKey("@type"))
        {
            def.HasDirection = true;
            def.Direction = directionValue switch
            {
                null => null,
                "ltr" or "rtl" => (string)directionValue,
                _ => throw new JsonLdException("invalid base direction", "@direction must be ltr, rtl or null"),
            };
        }

        if (map.TryGetValue("@nest", out var nestValue))
        {
            if (active.IsJsonLd10)
            {
                throw new JsonLdException("invalid term definition", "@nest in json-ld-1.0 mode");
            }

            if (nestValue is not string nest || (IsKeyword(nest) && nest != "@nest"))
            {
                throw new JsonLdException("invalid @nest value", "@nest must be a term or @nest");
            }

            def.Nest = nest;
        }

        if (map.TryGetValue("@prefix", out var prefixValue))
        {
            if (active.IsJsonLd10 || term.Contains(':', StringComparison.Ordinal) || term.Contains('/', StringComparison.Ordinal))
            {
                throw new JsonLdException("invalid term definition", "@prefix is not allowed here");
            }

            def.Prefix = prefixValue as bool? ?? throw new JsonLdException("invalid @prefix value", "@prefix must be a boolean");
            if (def.Prefix && IsKeyword(def.IriMapping))
            {
                throw new JsonLdException("invalid term definition", "a keyword alias cannot be a prefix");
            }
        }

        if (map.Keys.Any(k => !TermDefinitionKeys.Contains(k)))
        {
            throw new JsonLdException("invalid term definition", $"term '{term}' has unknown entries");
        }

        if (!overrideProtected && previous is { Protected: true })
        {
            if (!def.SameAs(previous))
            {
                throw new JsonLdException("protected term redefinition", $"term '{term}' is protected");
            }

            def = previous;
        }

        active.Terms[term] = def;
        defined[term] = true;
    }

    private static List<string> ValidateContainer(ActiveContext active, object? value)
    {
        if (active.IsJsonLd10)
        {
            if (value is not string s || s is "@graph" or "@id" or "@type" || !(s is "@index" or "@language" or "@list" or "@set"))
            {
                throw new JsonLdException("invalid container mapping", "invalid @container in json-ld-1.0 mode");
            }

            return [s];
        }

        var items = new List<string>();
        foreach (var v in Json.AsList(value))
        {
            if (v is not string s)
            {
                throw new JsonLdException("invalid container mapping", "@container values must be strings");
            }

            items.Add(s);
        }

        var allowed = new[] { "@graph", "@id", "@index", "@language", "@list", "@set", "@type" };
        var valid = items.Count switch
        {
            1 => allowed.Contains(items[0]),
            _ when items.Contains("@graph") && items.All(i => i is "@graph" or "@id" or "@index" or "@set") &&
                   !(items.Contains("@id") && items.Contains("@index")) => items.Distinct().Count() == items.Count,
            2 => items.Contains("@set") && items.Any(i => i is "@index" or "@graph" or "@id" or "@type" or "@language"),
            _ => false,
        };
        if (!valid || (value is List<object?> && items.Count == 0))
        {
            throw new JsonLdException("invalid container mapping", $"invalid @container {string.Join(",", items)}");
        }

        return items;
    }

    /// <summary>IRI expansion (section 5.2).</summary>
    public string? ExpandIri(
        ActiveContext active,
        string? value,
        bool documentRelative = false,
        bool vocab = false,
        Scope? scope = null)
    {
        if (value is null || IsKeyword(value))
        {
            return value;
        }

        if (HasKeywordForm(value))
        {
            return null;
        }

        if (scope is not null && scope.Local.ContainsKey(value) && !(scope.Defined.TryGetValue(value, out var d) && d))
        {
            CreateTermDefinition(active, scope, value);
        }

        var term = active.Term(value);
        if (term is not null && IsKeyword(term.IriMapping))
        {
            return term.IriMapping;
        }

        if (vocab && active.Terms.ContainsKey(value))
        {
            return term?.IriMapping;
        }

        var colon = value.Length > 1 ? value.IndexOf(':', 1) : -1;
        if (colon > 0)
        {
            var prefix = value[..colon];
            var suffix = value[(colon + 1)..];
            if (prefix == "_" || suffix.StartsWith("//", StringComparison.Ordinal))
            {
                return value;
            }

            if (scope is not null && scope.Local.ContainsKey(prefix) && !(scope.Defined.TryGetValue(prefix, out var pd) && pd))
            {
                CreateTermDefinition(active, scope, prefix);
            }

            if (active.Term(prefix) is { IriMapping: not null } pt && (pt.Prefix || active.IsJsonLd10))
            {
                return pt.IriMapping + suffix;
            }

            if (Iri.IsAbsolute(value))
            {
                return value;
            }
        }

        if (vocab && active.Vocab is not null)
        {
            return active.Vocab + value;
        }

        if (documentRelative)
        {
            return Iri.Resolve(active.BaseIri, value);
        }

        return value;
    }
}
