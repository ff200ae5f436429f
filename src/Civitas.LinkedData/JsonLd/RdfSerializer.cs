using System.Globalization;
using System.Text.RegularExpressions;
using Civitas.LinkedData.Rdf;

namespace Civitas.LinkedData.JsonLd;

using Map = Dictionary<string, object?>;

/// <summary>Deserialize JSON-LD to RDF (JSON-LD 1.1 API section 8.1) from a node map.</summary>
internal sealed partial class RdfSerializer(JsonLdOptions options)
{
    private const string Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private const string Xsd = "http://www.w3.org/2001/XMLSchema#";

    private static readonly RdfTerm RdfType = RdfTerm.Iri(Rdf + "type");
    private static readonly RdfTerm RdfFirst = RdfTerm.Iri(Rdf + "first");
    private static readonly RdfTerm RdfRest = RdfTerm.Iri(Rdf + "rest");
    private static readonly RdfTerm RdfNil = RdfTerm.Iri(Rdf + "nil");

    private int _listBlankNodes;

    [GeneratedRegex("^[a-zA-Z]{1,8}(-[a-zA-Z0-9]{1,8})*$")]
    private static partial Regex LanguageTagRegex();

    public List<RdfQuad> Serialize(NodeMapBuilder nodeMap)
    {
        var quads = new List<RdfQuad>();
        foreach (var graphName in nodeMap.Graphs.Keys.Order(StringComparer.Ordinal))
        {
            RdfTerm? graphTerm = null;
            if (graphName != "@default")
            {
                if (!Iri.IsWellFormed(graphName))
                {
                    continue;
                }

                graphTerm = ToNode(graphName);
            }

            var graph = nodeMap.Graphs[graphName];
            foreach (var subject in graph.Keys.Order(StringComparer.Ordinal))
            {
                if (!Iri.IsWellFormed(subject))
                {
                    continue;
                }

                var subjectTerm = ToNode(subject);
                var node = graph[subject];
                foreach (var property in node.Keys.Order(StringComparer.Ordinal))
                {
                    var values = Json.AsList(node[property]);
                    if (property == "@type")
                    {
                        foreach (var type in values.OfType<string>().Where(Iri.IsWellFormed))
                        {
                            quads.Add(new RdfQuad(subjectTerm, RdfType, ToNode(type), graphTerm));
                        }

                        continue;
                    }

                    if (ContextProcessor.IsKeyword(property) || property.StartsWith("_:", StringComparison.Ordinal) || !Iri.IsWellFormed(property))
                    {
                        continue;
                    }

                    var predicate = RdfTerm.Iri(property);
                    foreach (var item in values)
                    {
                        var extra = new List<(RdfTerm S, RdfTerm P, RdfTerm O)>();
                        var obj = ToObject(item, extra);
                        if (obj is not null)
                        {
                            quads.Add(new RdfQuad(subjectTerm, predicate, obj, graphTerm));
                        }

                        foreach (var (s, p, o) in extra)
                        {
                            quads.Add(new RdfQuad(s, p, o, graphTerm));
                        }
                    }
                }
            }
        }

        return quads;
    }

    private static RdfTerm ToNode(string id) =>
        id.StartsWith("_:", StringComparison.Ordinal) ? RdfTerm.Blank(id[2..]) : RdfTerm.Iri(id);

    private RdfTerm? ToObject(object? item, List<(RdfTerm, RdfTerm, RdfTerm)> extra)
    {
        if (item is not Map map)
        {
            return null;
        }

        if (map.TryGetValue("@list", out var list))
        {
            return ToList(Json.AsList(list), extra);
        }

        if (!map.TryGetValue("@value", out var value))
        {
            return map.GetValueOrDefault("@id") is string id && Iri.IsWellFormed(id) ? ToNode(id) : null;
        }

        var datatype = map.GetValueOrDefault("@type") as string;
        if (datatype is not null && datatype != "@json" && !Iri.IsWellFormed(datatype))
        {
            return null;
        }

        var language = map.GetValueOrDefault("@language") as string;
        if (language is not null && !LanguageTagRegex().IsMatch(language))
        {
            return null;
        }

        string lexical;
        if (datatype == "@json")
        {
            lexical = Json.Canonical(value);
            datatype = Rdf + "JSON";
        }
        else if (value is bool b)
        {
            lexical = b ? "true" : "false";
            datatype ??= Xsd + "boolean";
        }
        else if (value is double d && (d % 1 != 0 || Math.Abs(d) >= 1e21 || datatype == Xsd + "double"))
        {
            lexical = CanonicalDouble(d);
            datatype ??= Xsd + "double";
        }
        else if (value is double i)
        {
            lexical = Json.NumberToString(i);
            datatype ??= Xsd + "integer";
        }
        else
        {
            lexical = (string)value!;
        }

        if (map.GetValueOrDefault("@direction") is string direction && options.RdfDirection is not null)
        {
            if (options.RdfDirection == "i18n-datatype")
            {
                return RdfTerm.Literal(lexical, "https://www.w3.org/ns/i18n#" + (language?.ToLowerInvariant() ?? "") + "_" + direction);
            }

            var node = RdfTerm.Blank("cl" + _listBlankNodes++.ToString(CultureInfo.InvariantCulture));
            extra.Add((node, RdfTerm.Iri(Rdf + "value"), RdfTerm.Literal(lexical)));
            if (language is not null)
            {
                extra.Add((node, RdfTerm.Iri(Rdf + "language"), RdfTerm.Literal(language.ToLowerInvariant())));
            }

            extra.Add((node, RdfTerm.Iri(Rdf + "direction"), RdfTerm.Literal(direction)));
            return node;
        }

        return language is not null ? RdfTerm.Literal(lexical, language: language) : RdfTerm.Literal(lexical, datatype);
    }

    private RdfTerm ToList(List<object?> items, List<(RdfTerm, RdfTerm, RdfTerm)> extra)
    {
        if (items.Count == 0)
        {
            return RdfNil;
        }

        var nodes = items.Select(_ => RdfTerm.Blank("l" + _listBlankNodes++.ToString(CultureInfo.InvariantCulture))).ToList();
        for (var i = 0; i < items.Count; i++)
        {
            var embedded = new List<(RdfTerm, RdfTerm, RdfTerm)>();
            var obj = ToObject(items[i], embedded);
            if (obj is not null)
            {
                extra.Add((nodes[i], RdfFirst, obj));
            }

            extra.Add((nodes[i], RdfRest, i + 1 < nodes.Count ? nodes[i + 1] : RdfNil));
            extra.AddRange(embedded);
        }

        return nodes[0];
    }

    // xsd:double canonical form as JSON-LD specifies it: one digit before the point, up to 15 after, E exponent.
    private static string CanonicalDouble(double d) => d.ToString("0.0##############E0", CultureInfo.InvariantCulture);
}
