namespace Civitas.LinkedData.JsonLd;

using Map = Dictionary<string, object?>;

/// <summary>Create Term Definition (JSON-LD 1.1 API section 4.2).</summary>
internal sealed partial class ContextProcessor
{
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
}
