namespace Civitas.LinkedData.JsonLd;

/// <summary>One term definition of an active context (JSON-LD 1.1 API, section 4.2).</summary>
internal sealed class TermDefinition
{
    public string? IriMapping { get; set; }

    public bool Reverse { get; set; }

    public string? TypeMapping { get; set; }

    public bool HasLanguage { get; set; }

    public string? Language { get; set; }

    public bool HasDirection { get; set; }

    public string? Direction { get; set; }

    public IReadOnlyList<string> Container { get; set; } = [];

    public string? Index { get; set; }

    public string? Nest { get; set; }

    public bool Prefix { get; set; }

    public bool Protected { get; set; }

    public bool HasLocalContext { get; set; }

    public object? LocalContext { get; set; }

    public string? BaseUrl { get; set; }

    public bool HasContainer(string c) => Container.Contains(c);

    /// <summary>Equality ignoring <see cref="Protected"/>, for the "protected term redefinition" check.</summary>
    public bool SameAs(TermDefinition o) =>
        IriMapping == o.IriMapping && Reverse == o.Reverse && TypeMapping == o.TypeMapping &&
        HasLanguage == o.HasLanguage && Language == o.Language && HasDirection == o.HasDirection &&
        Direction == o.Direction && Container.SequenceEqual(o.Container) && Index == o.Index && Nest == o.Nest &&
        Prefix == o.Prefix && HasLocalContext == o.HasLocalContext && Json.DeepEquals(LocalContext, o.LocalContext);
}
