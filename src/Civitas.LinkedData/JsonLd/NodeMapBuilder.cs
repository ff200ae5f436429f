namespace Civitas.LinkedData.JsonLd;

using Map = Dictionary<string, object?>;

/// <summary>Node map generation (JSON-LD 1.1 API section 7.2): flattens expanded JSON-LD into graphs of nodes.</summary>
internal sealed class NodeMapBuilder
{
    private readonly Dictionary<string, string> _blankNodes = new(StringComparer.Ordinal);

    public Dictionary<string, Dictionary<string, Map>> Graphs { get; } = new(StringComparer.Ordinal)
    {
        ["@default"] = new(StringComparer.Ordinal),
    };

    private string IssueBlank(string? existing)
    {
        if (existing is not null && _blankNodes.TryGetValue(existing, out var id))
        {
            return id;
        }

        id = "_:b" + _blankNodes.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        _blankNodes[existing ?? "\0" + id] = id;
        return id;
    }

    public void Add(object? element, string activeGraph = "@default", object? activeSubject = null, string? activeProperty = null, Map? list = null)
    {
        if (element is List<object?> array)
        {
            foreach (var item in array)
            {
                Add(item, activeGraph, activeSubject, activeProperty, list);
            }

            return;
        }

        if (element is not Map map)
        {
            return;
        }

        if (!Graphs.TryGetValue(activeGraph, out var graph))
        {
            Graphs[activeGraph] = graph = new Dictionary<string, Map>(StringComparer.Ordinal);
        }

        var subjectNode = activeSubject is string s ? graph[s] : null;

        if (map.TryGetValue("@type", out var types) && types is List<object?> typeList)
        {
            for (var i = 0; i < typeList.Count; i++)
            {
                if (typeList[i] is string t && t.StartsWith("_:", StringComparison.Ordinal))
                {
                    typeList[i] = IssueBlank(t);
                }
            }
        }

        if (map.ContainsKey("@value"))
        {
            if (list is null)
            {
                AddUnique(subjectNode!, activeProperty!, map);
            }
            else
            {
                ((List<object?>)list["@list"]!).Add(map);
            }

            return;
        }

        if (map.TryGetValue("@list", out var listItems))
        {
            var result = new Map { ["@list"] = new List<object?>() };
            Add(listItems, activeGraph, activeSubject, activeProperty, result);
            if (list is null)
            {
                AddAlways(subjectNode!, activeProperty!, result);
            }
            else
            {
                ((List<object?>)list["@list"]!).Add(result);
            }

            return;
        }

        if (map.TryGetValue("@id", out var explicitId) && explicitId is null)
        {
            // A node whose @id was ignored (keyword form) cannot be named in RDF.
            return;
        }

        var id = explicitId as string;
        id = id is null ? IssueBlank(null) : id.StartsWith("_:", StringComparison.Ordinal) ? IssueBlank(id) : id;
        if (!graph.TryGetValue(id, out var node))
        {
            graph[id] = node = new Map { ["@id"] = id };
        }

        if (activeSubject is Map reverseSubject)
        {
            AddUnique(node, activeProperty!, reverseSubject);
        }
        else if (activeProperty is not null)
        {
            var reference = new Map { ["@id"] = id };
            if (list is null)
            {
                AddUnique(subjectNode!, activeProperty, reference);
            }
            else
            {
                ((List<object?>)list["@list"]!).Add(reference);
            }
        }

        if (map.TryGetValue("@type", out var nodeTypes))
        {
            foreach (var t in Json.AsList(nodeTypes))
            {
                AddUnique(node, "@type", t);
            }
        }

        if (map.TryGetValue("@index", out var index))
        {
            if (node.TryGetValue("@index", out var existing) && !Equals(existing, index))
            {
                throw new JsonLdException("conflicting indexes", $"node {id} has two different @index values");
            }

            node["@index"] = index;
        }

        if (map.TryGetValue("@reverse", out var reverse) && reverse is Map reverseMap)
        {
            var referenced = new Map { ["@id"] = id };
            foreach (var (property, values) in reverseMap)
            {
                foreach (var value in Json.AsList(values))
                {
                    Add(value, activeGraph, referenced, property);
                }
            }
        }

        if (map.TryGetValue("@graph", out var nestedGraph))
        {
            Add(nestedGraph, id);
        }

        if (map.TryGetValue("@included", out var included))
        {
            Add(included, activeGraph);
        }

        foreach (var property in map.Keys.Order(StringComparer.Ordinal))
        {
            if (property is "@id" or "@type" or "@index" or "@reverse" or "@graph" or "@included")
            {
                continue;
            }

            var value = map[property];
            var name = property.StartsWith("_:", StringComparison.Ordinal) ? IssueBlank(property) : property;
            if (!node.ContainsKey(name))
            {
                node[name] = new List<object?>();
            }

            Add(value, activeGraph, id, name);
        }
    }

    private static void AddUnique(Map node, string property, object? value)
    {
        if (!node.TryGetValue(property, out var existing) || existing is not List<object?> list)
        {
            node[property] = list = [];
        }

        if (!list.Any(v => Json.DeepEquals(v, value)))
        {
            list.Add(value);
        }
    }

    private static void AddAlways(Map node, string property, object? value)
    {
        if (!node.TryGetValue(property, out var existing) || existing is not List<object?> list)
        {
            node[property] = list = [];
        }

        list.Add(value);
    }
}
