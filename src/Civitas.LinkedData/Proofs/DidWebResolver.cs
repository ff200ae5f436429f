namespace Civitas.LinkedData.Proofs;

/// <summary>
/// Resolves <c>did:web</c> identifiers through a delegate that returns the DID document served at the DID's
/// HTTPS URL (Civitas serves its own DID documents, so the host passes its store; nothing is fetched here).
/// </summary>
public sealed class DidWebResolver(Func<Uri, string?> didDocumentAt) : IVerificationMethodResolver
{
    public VerificationMethod? Resolve(string verificationMethodId)
    {
        ArgumentNullException.ThrowIfNull(verificationMethodId);
        if (!verificationMethodId.StartsWith("did:web:", StringComparison.Ordinal))
        {
            return null;
        }

        var hash = verificationMethodId.IndexOf('#', StringComparison.Ordinal);
        var did = hash < 0 ? verificationMethodId : verificationMethodId[..hash];
        var url = DocumentUrl(did);
        if (url is null || didDocumentAt(url) is not { } json)
        {
            return null;
        }

        return new DocumentSetResolver([json]).Resolve(verificationMethodId);
    }

    /// <summary>did:web:example.com → https://example.com/.well-known/did.json; did:web:example.com:a:b → https://example.com/a/b/did.json.</summary>
    public static Uri? DocumentUrl(string did)
    {
        ArgumentNullException.ThrowIfNull(did);
        var parts = did["did:web:".Length..].Split(':');
        if (parts.Length == 0 || parts[0].Length == 0)
        {
            return null;
        }

        var host = Uri.UnescapeDataString(parts[0]);
        var path = parts.Length == 1 ? "/.well-known/did.json" : "/" + string.Join('/', parts[1..].Select(Uri.UnescapeDataString)) + "/did.json";
        return Uri.TryCreate("https://" + host + path, UriKind.Absolute, out var uri) ? uri : null;
    }
}
