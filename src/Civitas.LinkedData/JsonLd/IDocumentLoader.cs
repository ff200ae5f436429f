namespace Civitas.LinkedData.JsonLd;

/// <summary>A document fetched for a URL: the final URL after redirects, its JSON text and an optional linked context.</summary>
public sealed record RemoteDocument(string DocumentUrl, string Json, string? ContextUrl = null);

/// <summary>
/// Loads remote JSON-LD documents (contexts). Civitas never fetches over the network at run time: the default
/// loader, <see cref="StandardDocumentLoader"/>, serves embedded contexts and refuses everything else.
/// </summary>
public interface IDocumentLoader
{
    /// <summary>Returns the document, or throws <see cref="JsonLdException"/> with code "loading document failed".</summary>
    RemoteDocument Load(string url);
}
