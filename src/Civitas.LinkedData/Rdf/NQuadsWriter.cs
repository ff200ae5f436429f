using System.Globalization;
using System.Text;

namespace Civitas.LinkedData.Rdf;

/// <summary>Serializes quads in the canonical N-Quads form that RDFC-1.0 hashes and sorts.</summary>
public static class NQuadsWriter
{
    /// <summary>One quad as a line ending in <c>\n</c>.</summary>
    public static string Write(RdfQuad quad)
    {
        var sb = new StringBuilder(128);
        Append(sb, quad, null, null);
        return sb.ToString();
    }

    /// <summary>All quads, one line each, in the given order.</summary>
    public static string Write(IEnumerable<RdfQuad> quads)
    {
        ArgumentNullException.ThrowIfNull(quads);
        var sb = new StringBuilder();
        foreach (var q in quads)
        {
            Append(sb, q, null, null);
        }

        return sb.ToString();
    }

    /// <summary>
    /// Appends a quad; when <paramref name="reference"/> is set, blank nodes are written as <c>_:a</c> (the reference)
    /// or <c>_:z</c> (any other), as the first-degree hash of RDFC-1.0 requires.
    /// </summary>
    internal static void Append(StringBuilder sb, RdfQuad quad, string? reference, Func<string, string>? rename)
    {
        AppendTerm(sb, quad.Subject, reference, rename);
        sb.Append(' ');
        AppendTerm(sb, quad.Predicate, reference, rename);
        sb.Append(' ');
        AppendTerm(sb, quad.Object, reference, rename);
        if (quad.Graph is not null)
        {
            sb.Append(' ');
            AppendTerm(sb, quad.Graph, reference, rename);
        }

        sb.Append(" .\n");
    }

    private static void AppendTerm(StringBuilder sb, RdfTerm term, string? reference, Func<string, string>? rename)
    {
        switch (term.Kind)
        {
            case RdfTermKind.Iri:
                sb.Append('<').Append(term.Value).Append('>');
                break;
            case RdfTermKind.BlankNode:
                sb.Append("_:");
                if (reference is not null)
                {
                    sb.Append(term.Value == reference ? 'a' : 'z');
                }
                else
                {
                    sb.Append(rename is null ? term.Value : rename(term.Value));
                }

                break;
            default:
                sb.Append('"');
                AppendEscaped(sb, term.Value);
                sb.Append('"');
                if (term.Language is not null)
                {
                    sb.Append('@').Append(term.Language);
                }
                else if (term.Datatype is not null && term.Datatype != RdfTerm.XsdString)
                {
                    sb.Append("^^<").Append(term.Datatype).Append('>');
                }

                break;
        }
    }

    // Canonical N-Quads: ECHAR for \b \t \n \f \r \" \\, UCHAR for the remaining control characters.
    private static void AppendEscaped(StringBuilder sb, string value)
    {
        foreach (var c in value)
        {
            switch (c)
            {
                case '\\': sb.Append("\\\\"); break;
                case '"': sb.Append("\\\""); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\b': sb.Append("\\b"); break;
                case '\f': sb.Append("\\f"); break;
                default:
                    if (c < 0x20 || c == 0x7F)
                    {
                        sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    }
                    else
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }
    }
}
