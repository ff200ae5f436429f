using System.Text.Json;

namespace Civitas.LinkedData.Tests;

/// <summary>
/// JSON-LD result comparison as the W3C suite defines it: objects by entries, numbers by value, arrays as
/// unordered collections except the values of @list, whose order is significant.
/// </summary>
internal static class JsonLdEquality
{
    public static bool Equal(JsonElement a, JsonElement b, bool ordered = false)
    {
        if (a.ValueKind != b.ValueKind)
        {
            return false;
        }

        switch (a.ValueKind)
        {
            case JsonValueKind.Object:
                var pa = a.EnumerateObject().ToList();
                var pb = b.EnumerateObject().ToDictionary(p => p.Name, p => p.Value);
                return pa.Count == pb.Count && pa.All(p => pb.TryGetValue(p.Name, out var v) && Equal(p.Value, v, p.Name == "@list"));
            case JsonValueKind.Array:
                var la = a.EnumerateArray().ToList();
                var lb = b.EnumerateArray().ToList();
                if (la.Count != lb.Count)
                {
                    return false;
                }

                if (ordered)
                {
                    return la.Zip(lb).All(t => Equal(t.First, t.Second));
                }

                var used = new bool[lb.Count];
                foreach (var x in la)
                {
                    var match = Enumerable.Range(0, lb.Count).FirstOrDefault(i => !used[i] && Equal(x, lb[i]), -1);
                    if (match < 0)
                    {
                        return false;
                    }

                    used[match] = true;
                }

                return true;
            case JsonValueKind.Number:
                return a.GetDouble() == b.GetDouble();
            case JsonValueKind.String:
                return a.GetString() == b.GetString();
            default:
                return true;
        }
    }
}
