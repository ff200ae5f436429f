namespace Civitas.LinkedData.JsonLd;

using Map = Dictionary<string, object?>;

/// <summary>IRI expansion (JSON-LD 1.1 API section 5.2).</summary>
internal sealed partial class ContextProcessor
{
    /// <summary>Expands a term, compact IRI or relative IRI; defines terms of the context being processed on demand.</summary>
    public string? ExpandIri(
        ActiveContext active,
        string? value,
        bool documentRelative = false,
        bool vocab = false,
        Scope? scope = null)
    {
        if (value is null || IsKeyword(value))
        {
            return value;
        }

        if (HasKeywordForm(value))
        {
            return null;
        }

        if (scope is not null && scope.Local.ContainsKey(value) && !(scope.Defined.TryGetValue(value, out var d) && d))
        {
            CreateTermDefinition(active, scope, value);
        }

        var term = active.Term(value);
        if (term is not null && IsKeyword(term.IriMapping))
        {
            return term.IriMapping;
        }

        if (vocab && active.Terms.ContainsKey(value))
        {
            return term?.IriMapping;
        }

        var colon = value.Length > 1 ? value.IndexOf(':', 1) : -1;
        if (colon > 0)
        {
            var prefix = value[..colon];
            var suffix = value[(colon + 1)..];
            if (prefix == "_" || suffix.StartsWith("//", StringComparison.Ordinal))
            {
                return value;
            }

            if (scope is not null && scope.Local.ContainsKey(prefix) && !(scope.Defined.TryGetValue(prefix, out var pd) && pd))
            {
                CreateTermDefinition(active, scope, prefix);
            }

            if (active.Term(prefix) is { IriMapping: not null } pt && (pt.Prefix || active.IsJsonLd10))
            {
                return pt.IriMapping + suffix;
            }

            if (Iri.IsAbsolute(value))
            {
                return value;
            }
        }

        if (vocab && active.Vocab is not null)
        {
            return active.Vocab + value;
        }

        if (documentRelative)
        {
            return Iri.Resolve(active.BaseIri, value);
        }

        return value;
    }
}
