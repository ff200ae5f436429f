using System.Globalization;
using System.Text;

namespace Civitas.LinkedData.Rdf;

/// <summary>Reads an N-Quads document (one statement per line, <c>#</c> comments allowed).</summary>
public static class NQuadsParser
{
    public static IReadOnlyList<RdfQuad> Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var quads = new List<RdfQuad>();
        var lineNumber = 0;
        foreach (var rawLine in text.Split('\n'))
        {
            lineNumber++;
            var reader = new LineReader(rawLine.TrimEnd('\r'), lineNumber);
            reader.SkipSpace();
            if (reader.AtEndOrComment)
            {
                continue;
            }

            var subject = reader.ReadTerm(allowLiteral: false);
            reader.SkipSpace();
            var predicate = reader.ReadTerm(allowLiteral: false);
            reader.SkipSpace();
            var obj = reader.ReadTerm(allowLiteral: true);
            reader.SkipSpace();
            RdfTerm? graph = null;
            if (!reader.Peek('.'))
            {
                graph = reader.ReadTerm(allowLiteral: false);
                reader.SkipSpace();
            }

            reader.Expect('.');
            reader.SkipSpace();
            if (!reader.AtEndOrComment)
            {
                throw reader.Error("unexpected content after '.'");
            }

            quads.Add(new RdfQuad(subject, predicate, obj, graph));
        }

        return quads;
    }

    private ref struct LineReader(string line, int lineNumber)
    {
        private int _pos;

        public readonly bool AtEndOrComment => _pos >= line.Length || line[_pos] == '#';

        public void SkipSpace()
        {
            while (_pos < line.Length && (line[_pos] == ' ' || line[_pos] == '\t'))
            {
                _pos++;
            }
        }

        public readonly bool Peek(char c) => _pos < line.Length && line[_pos] == c;

        public void Expect(char c)
        {
            if (!Peek(c))
            {
                throw Error($"expected '{c}'");
            }

            _pos++;
        }

        public readonly FormatException Error(string message) =>
            new($"N-Quads line {lineNumber}, column {_pos + 1}: {message}");

        public RdfTerm ReadTerm(bool allowLiteral)
        {
            if (Peek('<'))
            {
                return RdfTerm.Iri(ReadIri());
            }

            if (Peek('_'))
            {
                _pos++;
                Expect(':');
                var start = _pos;
                while (_pos < line.Length && line[_pos] != ' ' && line[_pos] != '\t' && line[_pos] != '<' && line[_pos] != '"')
                {
                    _pos++;
                }

                // A label may contain '.', but not end with one (that is the statement terminator).
                while (_pos > start && line[_pos - 1] == '.')
                {
                    _pos--;
                }

                if (_pos == start)
                {
                    throw Error("empty blank node label");
                }

                return RdfTerm.Blank(line[start.._pos]);
            }

            if (allowLiteral && Peek('"'))
            {
                var lexical = ReadString();
                if (Peek('@'))
                {
                    _pos++;
                    var start = _pos;
                    while (_pos < line.Length && (char.IsAsciiLetterOrDigit(line[_pos]) || line[_pos] == '-'))
                    {
                        _pos++;
                    }

                    return RdfTerm.Literal(lexical, language: line[start.._pos]);
                }

                if (Peek('^'))
                {
                    _pos++;
                    Expect('^');
                    return RdfTerm.Literal(lexical, ReadIri());
                }

                return RdfTerm.Literal(lexical);
            }

            throw Error("expected an IRI, blank node or literal");
        }

        private string ReadIri()
        {
            Expect('<');
            var sb = new StringBuilder();
            while (true)
            {
                if (_pos >= line.Length)
                {
                    throw Error("unterminated IRI");
                }

                var c = line[_pos++];
                if (c == '>')
                {
                    return sb.ToString();
                }

                if (c == '\\')
                {
                    ReadUnicodeEscape(sb);
                }
                else
                {
                    sb.Append(c);
                }
            }
        }

        private string ReadString()
        {
            Expect('"');
            var sb = new StringBuilder();
            while (true)
            {
                if (_pos >= line.Length)
                {
                    throw Error("unterminated literal");
                }

                var c = line[_pos++];
                if (c == '"')
                {
                    return sb.ToString();
                }

                if (c != '\\')
                {
                    sb.Append(c);
                    continue;
                }

                if (_pos >= line.Length)
                {
                    throw Error("dangling escape");
                }

                switch (line[_pos])
                {
                    case 't': sb.Append('\t'); _pos++; break;
                    case 'b': sb.Append('\b'); _pos++; break;
                    case 'n': sb.Append('\n'); _pos++; break;
                    case 'r': sb.Append('\r'); _pos++; break;
                    case 'f': sb.Append('\f'); _pos++; break;
                    case '"': sb.Append('"'); _pos++; break;
                    case '\'': sb.Append('\''); _pos++; break;
                    case '\\': sb.Append('\\'); _pos++; break;
                    default: ReadUnicodeEscape(sb); break;
                }
            }
        }

        private void ReadUnicodeEscape(StringBuilder sb)
        {
            var kind = _pos < line.Length ? line[_pos] : '\0';
            var digits = kind == 'u' ? 4 : kind == 'U' ? 8 : throw Error("invalid escape");
            _pos++;
            if (_pos + digits > line.Length ||
                !int.TryParse(line.AsSpan(_pos, digits), NumberStyles.HexNumber, CultureInfo.InvariantCulture, out var cp))
            {
                throw Error("invalid unicode escape");
            }

            _pos += digits;
            sb.Append(char.ConvertFromUtf32(cp));
        }
    }
}
