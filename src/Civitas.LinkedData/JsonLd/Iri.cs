using System.Text;
using System.Text.RegularExpressions;

namespace Civitas.LinkedData.JsonLd;

/// <summary>IRI tests and RFC 3986 reference resolution (System.Uri normalises too much to be used here).</summary>
internal static partial class Iri
{
    [GeneratedRegex(@"^(?:([^:/?#]+):)?(?://([^/?#]*))?([^?#]*)(?:\?([^#]*))?(?:#(.*))?$", RegexOptions.Singleline)]
    private static partial Regex ReferenceRegex();

    /// <summary>Has a scheme: ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ) ":" (checked by hand: this runs for every IRI).</summary>
    public static bool IsAbsolute(string value)
    {
        if (value.Length < 2 || !char.IsAsciiLetter(value[0]))
        {
            return false;
        }

        for (var i = 1; i < value.Length; i++)
        {
            var c = value[i];
            if (c == ':')
            {
                return true;
            }

            if (!char.IsAsciiLetterOrDigit(c) && c is not ('+' or '-' or '.'))
            {
                return false;
            }
        }

        return false;
    }

    /// <summary>An absolute IRI or blank node identifier usable in RDF (no spaces or forbidden characters).</summary>
    public static bool IsWellFormed(string value)
    {
        if (value.StartsWith("_:", StringComparison.Ordinal))
        {
            return true;
        }

        if (!IsAbsolute(value))
        {
            return false;
        }

        var hashes = 0;
        foreach (var c in value)
        {
            if (c <= ' ' || c is '<' or '>' or '"' or '{' or '}' or '|' or '\\' or '^' or '`')
            {
                return false;
            }

            // A fragment cannot contain another '#'.
            if (c == '#' && ++hashes > 1)
            {
                return false;
            }
        }

        return true;
    }

    public static string Resolve(string? baseIri, string reference)
    {
        if (baseIri is null)
        {
            return reference;
        }

        var r = ReferenceRegex().Match(reference);
        var b = ReferenceRegex().Match(baseIri);
        string? scheme, authority, path, query;
        var rScheme = Group(r, 1);
        var rAuthority = Group(r, 2);
        var rPath = r.Groups[3].Value;
        var rQuery = Group(r, 4);
        var fragment = Group(r, 5);

        if (rScheme is not null)
        {
            scheme = rScheme;
            authority = rAuthority;
            path = RemoveDotSegments(rPath);
            query = rQuery;
        }
        else
        {
            scheme = Group(b, 1);
            if (rAuthority is not null)
            {
                authority = rAuthority;
                path = RemoveDotSegments(rPath);
                query = rQuery;
            }
            else
            {
                authority = Group(b, 2);
                if (rPath.Length == 0)
                {
                    path = b.Groups[3].Value;
                    query = rQuery ?? Group(b, 4);
                }
                else
                {
                    if (rPath.StartsWith('/'))
                    {
                        path = RemoveDotSegments(rPath);
                    }
                    else
                    {
                        var basePath = b.Groups[3].Value;
                        string merged;
                        if (authority is not null && basePath.Length == 0)
                        {
                            merged = "/" + rPath;
                        }
                        else
                        {
                            var slash = basePath.LastIndexOf('/');
                            merged = (slash >= 0 ? basePath[..(slash + 1)] : "") + rPath;
                        }

                        path = RemoveDotSegments(merged);
                    }

                    query = rQuery;
                }
            }
        }

        var sb = new StringBuilder();
        if (scheme is not null)
        {
            sb.Append(scheme).Append(':');
        }

        if (authority is not null)
        {
            sb.Append("//").Append(authority);
        }

        sb.Append(path);
        if (query is not null)
        {
            sb.Append('?').Append(query);
        }

        if (fragment is not null)
        {
            sb.Append('#').Append(fragment);
        }

        return sb.ToString();
    }

    private static string? Group(Match m, int i) => m.Groups[i].Success ? m.Groups[i].Value : null;

    // RFC 3986 section 5.2.4.
    private static string RemoveDotSegments(string input)
    {
        if (input.Length == 0)
        {
            return input;
        }

        var output = new List<string>();
        var segments = input.Split('/');
        var absolute = input.StartsWith('/');
        for (var i = absolute ? 1 : 0; i < segments.Length; i++)
        {
            var s = segments[i];
            var last = i == segments.Length - 1;
            if (s == ".")
            {
                if (last)
                {
                    output.Add("");
                }
            }
            else if (s == "..")
            {
                if (output.Count > 0)
                {
                    output.RemoveAt(output.Count - 1);
                }

                if (last)
                {
                    output.Add("");
                }
            }
            else
            {
                output.Add(s);
            }
        }

        return (absolute ? "/" : "") + string.Join('/', output);
    }
}
