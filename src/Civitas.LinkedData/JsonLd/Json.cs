using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Civitas.LinkedData.JsonLd;

/// <summary>
/// The in-memory JSON the JSON-LD algorithms work on: <see cref="Dictionary{TKey,TValue}"/> (string → object?),
/// <see cref="List{T}"/> of object?, string, double, bool and null. Plain objects keep the algorithms close to the spec text.
/// </summary>
internal static class Json
{
    public static object? Parse(string text)
    {
        using var doc = JsonDocument.Parse(text);
        return FromElement(doc.RootElement);
    }

    public static object? FromElement(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Object => ToMap(e),
        JsonValueKind.Array => e.EnumerateArray().Select(FromElement).ToList(),
        JsonValueKind.String => e.GetString(),
        JsonValueKind.Number => e.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        _ => null,
    };

    public static object? FromNode(System.Text.Json.Nodes.JsonNode? node) => node switch
    {
        null => null,
        System.Text.Json.Nodes.JsonObject o => o.ToDictionary(p => p.Key, p => FromNode(p.Value), StringComparer.Ordinal),
        System.Text.Json.Nodes.JsonArray a => a.Select(FromNode).ToList(),
        _ => node.GetValueKind() switch
        {
            JsonValueKind.String => node.GetValue<string>(),
            JsonValueKind.Number => node.GetValue<double>(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => null,
        },
    };

    private static Dictionary<string, object?> ToMap(JsonElement e)
    {
        var map = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in e.EnumerateObject())
        {
            map[p.Name] = FromElement(p.Value);
        }

        return map;
    }

    public static bool IsScalar(object? v) => v is string or double or bool;

    public static List<object?> AsList(object? v) => v is List<object?> l ? l : [v];

    /// <summary>Deep copy, so that algorithms that edit maps never touch the caller's document or a cached context.</summary>
    public static object? Clone(object? v) => v switch
    {
        Dictionary<string, object?> m => m.ToDictionary(p => p.Key, p => Clone(p.Value), StringComparer.Ordinal),
        List<object?> l => l.Select(Clone).ToList(),
        _ => v,
    };

    public static bool DeepEquals(object? a, object? b)
    {
        switch (a)
        {
            case Dictionary<string, object?> ma when b is Dictionary<string, object?> mb:
                return ma.Count == mb.Count && ma.All(p => mb.TryGetValue(p.Key, out var o) && DeepEquals(p.Value, o));
            case List<object?> la when b is List<object?> lb:
                if (la.Count != lb.Count)
                {
                    return false;
                }

                for (var i = 0; i < la.Count; i++)
                {
                    if (!DeepEquals(la[i], lb[i]))
                    {
                        return false;
                    }
                }

                return true;
            default:
                return Equals(a, b);
        }
    }

    /// <summary>JSON text in the JSON Canonicalization Scheme (RFC 8785), used for @json literals.</summary>
    public static string Canonical(object? v)
    {
        var sb = new StringBuilder();
        WriteCanonical(sb, v);
        return sb.ToString();
    }

    private static void WriteCanonical(StringBuilder sb, object? v)
    {
        switch (v)
        {
            case null: sb.Append("null"); break;
            case bool b: sb.Append(b ? "true" : "false"); break;
            case double d: sb.Append(NumberToString(d)); break;
            case string s: WriteString(sb, s); break;
            case List<object?> l:
                sb.Append('[');
                for (var i = 0; i < l.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(',');
                    }

                    WriteCanonical(sb, l[i]);
                }

                sb.Append(']');
                break;
            case Dictionary<string, object?> m:
                sb.Append('{');
                var first = true;
                foreach (var key in m.Keys.OrderBy(k => k, StringComparer.Ordinal))
                {
                    if (!first)
                    {
                        sb.Append(',');
                    }

                    first = false;
                    WriteString(sb, key);
                    sb.Append(':');
                    WriteCanonical(sb, m[key]);
                }

                sb.Append('}');
                break;
            default:
                throw new InvalidOperationException("not a JSON value");
        }
    }

    private static void WriteString(StringBuilder sb, string s)
    {
        sb.Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        sb.Append('"');
    }

    /// <summary>ECMAScript Number::toString, which JCS and JSON-LD's integer lexical forms rely on.</summary>
    public static string NumberToString(double d)
    {
        if (d == 0)
        {
            return "0";
        }

        if (Math.Abs(d) < 1e21 && Math.Floor(d) == d)
        {
            return d.ToString("0", CultureInfo.InvariantCulture);
        }

        var r = d.ToString("R", CultureInfo.InvariantCulture);
        var e = r.IndexOf('E', StringComparison.Ordinal);
        if (e < 0)
        {
            return r;
        }

        // .NET writes 1E+21 / 1E-07; ECMAScript writes 1e+21 / 1e-7 and uses plain notation down to 1e-6.
        var mantissa = r[..e];
        var exponent = int.Parse(r[(e + 1)..], CultureInfo.InvariantCulture);
        if (exponent >= -6 && exponent < 0)
        {
            return d.ToString("0.####################", CultureInfo.InvariantCulture);
        }

        return mantissa + "e" + (exponent > 0 ? "+" : "-") + Math.Abs(exponent).ToString(CultureInfo.InvariantCulture);
    }
}
