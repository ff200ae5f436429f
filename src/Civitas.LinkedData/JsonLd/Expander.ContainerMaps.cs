namespace Civitas.LinkedData.JsonLd;

using Map = Dictionary<string, object?>;

/// <summary>Expansion of language maps and index, id and type maps (JSON-LD 1.1 API section 5.1.2, steps 13.7 and 13.8).</summary>
internal sealed partial class Expander
{
    private List<object?> ExpandLanguageMap(ActiveContext active, TermDefinition def, Map languageMap)
    {
        var output = new List<object?>();
        var direction = def.HasDirection ? def.Direction : active.DefaultDirection;
        foreach (var language in languageMap.Keys.Order(StringComparer.Ordinal))
        {
            foreach (var item in Json.AsList(languageMap[language]))
            {
                if (item is null)
                {
                    continue;
                }

                if (item is not string s)
                {
                    throw new JsonLdException("invalid language map value", "language map values must be strings");
                }

                var v = new Map { ["@value"] = s };
                if (language != "@none" && contexts.ExpandIri(active, language, vocab: true) != "@none")
                {
                    v["@language"] = language.ToLowerInvariant();
                }

                if (direction is not null)
                {
                    v["@direction"] = direction;
                }

                output.Add(v);
            }
        }

        return output;
    }

    private List<object?> ExpandIndexMap(ActiveContext active, TermDefinition def, string key, Map indexMap, string? baseUrl)
    {
        var output = new List<object?>();
        var indexKey = def.Index ?? "@index";
        foreach (var index in indexMap.Keys.Order(StringComparer.Ordinal))
        {
            var mapContext = active;
            if (def.HasContainer("@id") || def.HasContainer("@type"))
            {
                mapContext = active.Previous ?? active;
            }

            if (def.HasContainer("@type") && mapContext.Term(index) is { HasLocalContext: true } td)
            {
                mapContext = contexts.Process(mapContext, td.LocalContext, td.BaseUrl, stableLocal: true);
            }

            var expandedIndex = contexts.ExpandIri(active, index, vocab: true);
            var items = Json.AsList(Expand(mapContext, key, Json.AsList(indexMap[index]), baseUrl, fromMap: true));
            foreach (var raw in items)
            {
                var item = raw;
                if (def.HasContainer("@graph") && !(item is Map gm && gm.ContainsKey("@graph")))
                {
                    item = new Map { ["@graph"] = Json.AsList(item) };
                }

                var itemMap = (Map)item!;
                if (def.HasContainer("@index") && indexKey != "@index" && expandedIndex != "@none")
                {
                    var reExpanded = ExpandValue(active, indexKey, index);
                    var expandedIndexKey = contexts.ExpandIri(active, indexKey, vocab: true)!;
                    var values = new List<object?> { reExpanded };
                    if (itemMap.TryGetValue(expandedIndexKey, out var existing))
                    {
                        values.AddRange(Json.AsList(existing));
                    }

                    itemMap[expandedIndexKey] = values;
                    if (itemMap.ContainsKey("@value"))
                    {
                        throw new JsonLdException("invalid value object", "a property-valued index cannot apply to a value");
                    }
                }
                else if (def.HasContainer("@index") && !itemMap.ContainsKey("@index") && expandedIndex != "@none")
                {
                    itemMap["@index"] = index;
                }
                else if (def.HasContainer("@id") && !itemMap.ContainsKey("@id") && expandedIndex != "@none")
                {
                    itemMap["@id"] = contexts.ExpandIri(active, index, documentRelative: true);
                }
                else if (def.HasContainer("@type") && expandedIndex != "@none")
                {
                    var types = new List<object?> { expandedIndex };
                    if (itemMap.TryGetValue("@type", out var existingTypes))
                    {
                        types.AddRange(Json.AsList(existingTypes));
                    }

                    itemMap["@type"] = types;
                }

                output.Add(itemMap);
            }
        }

        return output;
    }
}
