using System.Collections.Frozen;

namespace Civitas.LinkedData.JsonLd;

/// <summary>
/// The default loader: serves the embedded standard contexts (verbatim) and Civitas's own context, plus any documents
/// added with <see cref="With"/>, and refuses every other URL, so no document ever triggers a network request.
/// </summary>
public sealed class StandardDocumentLoader : IDocumentLoader
{
    private static readonly FrozenDictionary<string, string> Embedded = LoadEmbedded();

    private readonly FrozenDictionary<string, string> _extra;

    public StandardDocumentLoader()
        : this(FrozenDictionary<string, string>.Empty)
    {
    }

    private StandardDocumentLoader(FrozenDictionary<string, string> extra) => _extra = extra;

    public static StandardDocumentLoader Instance { get; } = new();

    /// <summary>URLs the loader serves without any additions.</summary>
    public static IEnumerable<string> EmbeddedUrls => Embedded.Keys;

    /// <summary>A loader that also serves <paramref name="json"/> for <paramref name="url"/> (e.g. an issuer's own context).</summary>
    public StandardDocumentLoader With(string url, string json)
    {
        var d = new Dictionary<string, string>(_extra, StringComparer.Ordinal) { [url] = json };
        return new StandardDocumentLoader(d.ToFrozenDictionary(StringComparer.Ordinal));
    }

    public RemoteDocument Load(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        if (_extra.TryGetValue(url, out var json) || Embedded.TryGetValue(url, out json))
        {
            return new RemoteDocument(url, json);
        }

        throw new JsonLdException("loading document failed", $"'{url}' is not a known context; remote contexts are not fetched.");
    }

    private static FrozenDictionary<string, string> LoadEmbedded()
    {
        var urls = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["https://www.w3.org/2018/credentials/v1"] = "www_w3_org_2018_credentials_v1.jsonld",
            ["https://w3id.org/security/v1"] = "w3id_org_security_v1.jsonld",
            ["https://w3id.org/security/v2"] = "w3id_org_security_v2.jsonld",
            ["https://w3id.org/security/suites/ed25519-2020/v1"] = "w3id_org_security_suites_ed25519-2020_v1.jsonld",
        };
        var assembly = typeof(StandardDocumentLoader).Assembly;
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (url, file) in urls)
        {
            using var stream = assembly.GetManifestResourceStream("Civitas.LinkedData.Contexts." + file)
                ?? throw new InvalidOperationException($"Embedded context {file} is missing from the assembly.");
            using var reader = new StreamReader(stream);
            map[url] = reader.ReadToEnd();
        }

        map[CivitasContext.Url] = CivitasContext.Json;
        return map.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
