namespace Civitas.LinkedData.JsonLd;

using Map = Dictionary<string, object?>;

/// <summary>The JSON-LD 1.1 expansion algorithm (API section 5.1) and value expansion (5.3).</summary>
internal sealed partial class Expander(ContextProcessor contexts, bool safe = false)
{
    public object? Expand(ActiveContext active, string? activeProperty, object? element, string? baseUrl, bool fromMap = false)
    {
        if (element is null)
        {
            return null;
        }

        var propertyDef = active.Term(activeProperty);
        if (Json.IsScalar(element))
        {
            if (activeProperty is null or "@graph")
            {
                return null;
            }

            if (propertyDef is { HasLocalContext: true })
            {
                active = contexts.Process(active, propertyDef.LocalContext, propertyDef.BaseUrl, stableLocal: true);
            }

            return ExpandValue(active, activeProperty, element);
        }

        if (element is List<object?> array)
        {
            var result = new List<object?>();
            foreach (var item in array)
            {
                var expanded = Expand(active, activeProperty, item, baseUrl, fromMap);
                if (propertyDef is not null && propertyDef.HasContainer("@list") && expanded is List<object?> nested)
                {
                    expanded = new Map { ["@list"] = nested };
                }

                if (expanded is List<object?> many)
                {
                    result.AddRange(many);
                }
                else if (expanded is not null)
                {
                    result.Add(expanded);
                }
            }

            return result;
        }

        var map = (Map)element;

        // Contexts that do not propagate stop at the next node object.
        if (active.Previous is not null && !fromMap && !IsValueOrLoneId(active, map))
        {
            active = active.Previous;
        }

        if (propertyDef is { HasLocalContext: true })
        {
            active = contexts.Process(active, propertyDef.LocalContext, propertyDef.BaseUrl, overrideProtected: true, stableLocal: true);
        }

        if (map.TryGetValue("@context", out var localContext))
        {
            active = contexts.Process(active, localContext, baseUrl);
        }

        var typeScoped = active;
        string? inputType = null;
        foreach (var key in map.Keys.Order(StringComparer.Ordinal))
        {
            if (contexts.ExpandIri(active, key, vocab: true) != "@type")
            {
                continue;
            }

            var types = Json.AsList(map[key]).OfType<string>().Order(StringComparer.Ordinal).ToList();
            foreach (var t in types)
            {
                if (typeScoped.Term(t) is { HasLocalContext: true } td)
                {
                    active = contexts.Process(active, td.LocalContext, td.BaseUrl, propagate: false, stableLocal: true);
                }
            }

            if (Json.AsList(map[key]) is { Count: > 0 } all && all[^1] is string last)
            {
                inputType = contexts.ExpandIri(active, last, vocab: true);
            }

            break;
        }

        var output = new Map(StringComparer.Ordinal);
        var nests = new SortedSet<string>(StringComparer.Ordinal);
        ExpandMembers(active, typeScoped, activeProperty, map, output, nests, baseUrl, inputType);

        foreach (var nestKey in nests)
        {
            ExpandNested(active, typeScoped, activeProperty, map, nestKey, output, baseUrl, inputType);
        }

        return Finish(activeProperty, output);
    }

    private void ExpandNested(ActiveContext active, ActiveContext typeScoped, string? activeProperty, Map owner, string nestKey, Map output, string? baseUrl, string? inputType)
    {
        foreach (var nested in Json.AsList(owner[nestKey]))
        {
            if (nested is not Map nestedMap || nestedMap.Keys.Any(k => contexts.ExpandIri(active, k, vocab: true) == "@value"))
            {
                throw new JsonLdException("invalid @nest value", "@nest must hold node objects");
            }

            // A nesting term may carry a property-scoped context of its own (steps 3 and 8 repeated for it).
            var nestedContext = active;
            if (active.Term(nestKey) is { HasLocalContext: true } nd)
            {
                nestedContext = contexts.Process(active, nd.LocalContext, nd.BaseUrl, overrideProtected: true, stableLocal: true);
            }

            var innerNests = new SortedSet<string>(StringComparer.Ordinal);
            ExpandMembers(nestedContext, typeScoped, nestKey, nestedMap, output, innerNests, baseUrl, inputType);
            foreach (var n in innerNests)
            {
                ExpandNested(nestedContext, typeScoped, nestKey, nestedMap, n, output, baseUrl, inputType);
            }
        }
    }

    private bool IsValueOrLoneId(ActiveContext active, Map map)
    {
        var expandedKeys = map.Keys.Select(k => contexts.ExpandIri(active, k, vocab: true)).ToList();
        return expandedKeys.Contains("@value") || (expandedKeys.Count == 1 && expandedKeys[0] == "@id");
    }

    private static object? Finish(string? activeProperty, Map result)
    {
        object? output = result;
        if (result.TryGetValue("@value", out var value))
        {
            if (result.Keys.Any(k => k is not ("@direction" or "@index" or "@language" or "@type" or "@value")) ||
                (result.ContainsKey("@type") && (result.ContainsKey("@language") || result.ContainsKey("@direction"))))
            {
                throw new JsonLdException("invalid value object", "a value object has entries that do not belong together");
            }

            var type = result.GetValueOrDefault("@type");
            if (type as string == "@json")
            {
                // Any JSON is a valid JSON literal.
            }
            else if (value is null || (value is List<object?> l && l.Count == 0))
            {
                return null;
            }
            else if (value is not string && result.ContainsKey("@language"))
            {
                throw new JsonLdException("invalid language-tagged value", "only strings can have a language");
            }
            else if (type is not null && (type is not string ts || !Iri.IsWellFormed(ts) || ts.StartsWith("_:", StringComparison.Ordinal)))
            {
                throw new JsonLdException("invalid typed value", "@type of a value must be an IRI");
            }
        }
        else if (result.TryGetValue("@type", out var types) && types is not List<object?>)
        {
            result["@type"] = new List<object?> { types };
        }
        else if (result.ContainsKey("@set") || result.ContainsKey("@list"))
        {
            if (result.Count > 2 || (result.Count == 2 && !result.ContainsKey("@index")))
            {
                throw new JsonLdException("invalid set or list object", "@set/@list may only be combined with @index");
            }

            if (result.TryGetValue("@set", out var set))
            {
                output = set;
            }
        }

        if (output is Map m && m.Count == 1 && m.ContainsKey("@language"))
        {
            return null;
        }

        if (activeProperty is null or "@graph" && output is Map om)
        {
            if (om.Count == 0 || om.ContainsKey("@value") || om.ContainsKey("@list"))
            {
                return null;
            }

            if (om.Count == 1 && om.ContainsKey("@id"))
            {
                return null;
            }
        }

        return output;
    }

    private void ExpandMembers(
        ActiveContext active,
        ActiveContext typeScoped,
        string? activeProperty,
        Map element,
        Map result,
        SortedSet<string> nests,
        string? baseUrl,
        string? inputType)
    {
        foreach (var key in element.Keys.Order(StringComparer.Ordinal))
        {
            var value = element[key];
            if (key == "@context")
            {
                continue;
            }

            var expandedProperty = contexts.ExpandIri(active, key, vocab: true);
            if (expandedProperty is null || (!expandedProperty.Contains(':', StringComparison.Ordinal) && !ContextProcessor.IsKeyword(expandedProperty)))
            {
                if (safe)
                {
                    throw new JsonLdException("undefined term", $"'{key}' is not defined by the context");
                }

                continue;
            }

            if (ContextProcessor.IsKeyword(expandedProperty))
            {
                ExpandKeyword(active, typeScoped, activeProperty, key, expandedProperty, value, result, nests, baseUrl, inputType);
                continue;
            }

            var def = active.Term(key);
            object? expandedValue;
            if (def?.TypeMapping == "@json")
            {
                expandedValue = new Map { ["@value"] = value, ["@type"] = "@json" };
            }
            else if (def is not null && def.HasContainer("@language") && value is Map languageMap)
            {
                expandedValue = ExpandLanguageMap(active, def, languageMap);
            }
            else if (def is not null && (def.HasContainer("@index") || def.HasContainer("@type") || def.HasContainer("@id")) && value is Map indexMap)
            {
                expandedValue = ExpandIndexMap(active, def, key, indexMap, baseUrl);
            }
            else
            {
                expandedValue = Expand(active, key, value, baseUrl);
            }

            if (expandedValue is null)
            {
                continue;
            }

            if (def is not null && def.HasContainer("@list") && !IsListObject(expandedValue))
            {
                expandedValue = new Map { ["@list"] = Json.AsList(expandedValue) };
            }

            if (def is not null && def.HasContainer("@graph") && !def.HasContainer("@id") && !def.HasContainer("@index"))
            {
                expandedValue = Json.AsList(expandedValue).Select(ev => (object?)new Map { ["@graph"] = Json.AsList(ev) }).ToList();
            }

            if (def is { Reverse: true })
            {
                var reverseMap = GetOrAddMap(result, "@reverse");
                foreach (var item in Json.AsList(expandedValue))
                {
                    if (item is Map im && (im.ContainsKey("@value") || im.ContainsKey("@list")))
                    {
                        throw new JsonLdException("invalid reverse property value", "a reverse property cannot hold values or lists");
                    }

                    AddValue(reverseMap, expandedProperty, item);
                }
            }
            else
            {
                AddValues(result, expandedProperty, expandedValue);
            }
        }
    }

    private void ExpandKeyword(
        ActiveContext active,
        ActiveContext typeScoped,
        string? activeProperty,
        string key,
        string expandedProperty,
        object? value,
        Map result,
        SortedSet<string> nests,
        string? baseUrl,
        string? inputType)
    {
        if (activeProperty == "@reverse")
        {
            throw new JsonLdException("invalid reverse property map", "keywords are not allowed in @reverse");
        }

        if (result.ContainsKey(expandedProperty) && expandedProperty is not ("@included" or "@type"))
        {
            throw new JsonLdException("colliding keywords", $"{expandedProperty} appears twice");
        }

        object? expandedValue = null;
        switch (expandedProperty)
        {
            case "@id":
                if (value is not string id)
                {
                    throw new JsonLdException("invalid @id value", "@id must be a string");
                }

                // An @id of keyword form expands to null and stays, explicitly null (not an IRI, never a blank node).
                result["@id"] = contexts.ExpandIri(active, id, documentRelative: true);
                return;

            case "@type":
                if (value is not string && !(value is List<object?> tl && tl.All(t => t is string)))
                {
                    throw new JsonLdException("invalid type value", "@type must be a string or an array of strings");
                }

                var types = Json.AsList(value).Select(t => (object?)contexts.ExpandIri(typeScoped, (string)t!, documentRelative: true, vocab: true)).ToList();
                if (safe && types.Any(t => t is not string ts || !(Iri.IsAbsolute(ts) || ts.StartsWith("_:", StringComparison.Ordinal))))
                {
                    throw new JsonLdException("undefined term", $"type {string.Join(", ", Json.AsList(value))} is not defined by the context");
                }

                if (result.TryGetValue("@type", out var existing))
                {
                    types = [.. Json.AsList(existing), .. types];
                }

                expandedValue = value is string && !result.ContainsKey("@type") ? types[0] : types;
                break;

            case "@graph":
                expandedValue = Json.AsList(Expand(active, "@graph", value, baseUrl));
                break;

            case "@included":
                if (active.IsJsonLd10)
                {
                    return;
                }

                var included = Json.AsList(Expand(active, null, value, baseUrl));
                if (included.Any(i => i is not Map im || im.ContainsKey("@value") || im.ContainsKey("@list") || im.ContainsKey("@set")))
                {
                    throw new JsonLdException("invalid @included value", "@included must hold node objects");
                }

                if (result.TryGetValue("@included", out var previousIncluded))
                {
                    included = [.. Json.AsList(previousIncluded), .. included];
                }

                expandedValue = included;
                break;

            case "@value":
                if (inputType == "@json")
                {
                    if (active.IsJsonLd10)
                    {
                        throw new JsonLdException("invalid value object value", "@json in json-ld-1.0 mode");
                    }

                    result["@value"] = value;
                    return;
                }

                if (value is not null && !Json.IsScalar(value))
                {
                    throw new JsonLdException("invalid value object value", "@value must be a scalar or null");
                }

                result["@value"] = value;
                return;

            case "@language":
                if (value is not string language)
                {
                    throw new JsonLdException("invalid language-tagged string", "@language must be a string");
                }

                expandedValue = language.ToLowerInvariant();
                break;

            case "@direction":
                if (active.IsJsonLd10)
                {
                    return;
                }

                if (value is not ("ltr" or "rtl"))
                {
                    throw new JsonLdException("invalid base direction", "@direction must be ltr or rtl");
                }

                expandedValue = value;
                break;

            case "@index":
                if (value is not string)
                {
                    throw new JsonLdException("invalid @index value", "@index must be a string");
                }

                expandedValue = value;
                break;

            case "@list":
                if (activeProperty is null or "@graph")
                {
                    return;
                }

                expandedValue = Json.AsList(Expand(active, activeProperty, value, baseUrl));
                break;

            case "@set":
                expandedValue = Expand(active, activeProperty, value, baseUrl);
                break;

            case "@reverse":
                if (value is not Map)
                {
                    throw new JsonLdException("invalid @reverse value", "@reverse must be an object");
                }

                var reversed = Expand(active, "@reverse", value, baseUrl) as Map ?? [];
                if (reversed.TryGetValue("@reverse", out var doubleReversed) && doubleReversed is Map dr)
                {
                    foreach (var (property, items) in dr)
                    {
                        AddValues(result, property, items);
                    }
                }

                if (reversed.Keys.Any(k => k != "@reverse"))
                {
                    var reverseMap = GetOrAddMap(result, "@reverse");
                    foreach (var (property, items) in reversed)
                    {
                        if (property == "@reverse")
                        {
                            continue;
                        }

                        foreach (var item in Json.AsList(items))
                        {
                            if (item is Map im && (im.ContainsKey("@value") || im.ContainsKey("@list")))
                            {
                                throw new JsonLdException("invalid reverse property value", "a reverse property cannot hold values or lists");
                            }

                            AddValue(reverseMap, property, item);
                        }
                    }
                }

                return;

            case "@nest":
                nests.Add(key);
                return;

            default:
                // Framing keywords and @context-only keywords carry no data in expansion.
                return;
        }

        if (expandedValue is not null)
        {
            result[expandedProperty] = expandedValue;
        }
    }

    /// <summary>Value expansion (section 5.3).</summary>
    public object ExpandValue(ActiveContext active, string activeProperty, object value)
    {
        var def = active.Term(activeProperty);
        if (def?.TypeMapping == "@id" && value is string id)
        {
            return new Map { ["@id"] = contexts.ExpandIri(active, id, documentRelative: true) };
        }

        if (def?.TypeMapping == "@vocab" && value is string vocab)
        {
            return new Map { ["@id"] = contexts.ExpandIri(active, vocab, documentRelative: true, vocab: true) };
        }

        var result = new Map { ["@value"] = value };
        if (def?.TypeMapping is { } type && type is not ("@id" or "@vocab" or "@none"))
        {
            result["@type"] = type;
        }
        else if (value is string)
        {
            var language = def is { HasLanguage: true } ? def.Language : active.DefaultLanguage;
            var direction = def is { HasDirection: true } ? def.Direction : active.DefaultDirection;
            if (language is not null)
            {
                result["@language"] = language;
            }

            if (direction is not null)
            {
                result["@direction"] = direction;
            }
        }

        return result;
    }

    private static bool IsListObject(object? v) => v is Map m && m.ContainsKey("@list");

    private static Map GetOrAddMap(Map result, string key)
    {
        if (result.TryGetValue(key, out var existing) && existing is Map m)
        {
            return m;
        }

        m = new Map(StringComparer.Ordinal);
        result[key] = m;
        return m;
    }

    private static void AddValue(Map map, string key, object? value)
    {
        if (!map.TryGetValue(key, out var existing) || existing is not List<object?> list)
        {
            list = existing is null && !map.ContainsKey(key) ? [] : [existing];
            map[key] = list;
        }

        list.Add(value);
    }

    private static void AddValues(Map map, string key, object? values)
    {
        foreach (var v in Json.AsList(values))
        {
            AddValue(map, key, v);
        }

        if (!map.ContainsKey(key))
        {
            map[key] = new List<object?>();
        }
    }
}
