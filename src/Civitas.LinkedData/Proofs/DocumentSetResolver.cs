using System.Text.Json;

namespace Civitas.LinkedData.Proofs;

/// <summary>
/// Resolves verification methods from a fixed set of JSON documents: public key documents with their controller
/// documents (MOSIP's issuer keys) or DID documents. A method's purposes are the relationships (assertionMethod,
/// authentication, …) of its controller that list it by id or embed it.
/// </summary>
public sealed class DocumentSetResolver : IVerificationMethodResolver
{
    private static readonly string[] Relationships =
        ["assertionMethod", "authentication", "capabilityInvocation", "capabilityDelegation", "keyAgreement"];

    private readonly Dictionary<string, JsonElement> _byId = new(StringComparer.Ordinal);

    public DocumentSetResolver(IEnumerable<string> jsonDocuments)
    {
        ArgumentNullException.ThrowIfNull(jsonDocuments);
        foreach (var json in jsonDocuments)
        {
            using var doc = JsonDocument.Parse(json);
            Index(doc.RootElement.Clone());
        }
    }

    public VerificationMethod? Resolve(string verificationMethodId)
    {
        ArgumentNullException.ThrowIfNull(verificationMethodId);
        if (!_byId.TryGetValue(verificationMethodId, out var method) || method.ValueKind != JsonValueKind.Object)
        {
            return null;
        }

        var type = method.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String ? t.GetString()! : "";
        var controller = method.TryGetProperty("controller", out var c) && c.ValueKind == JsonValueKind.String ? c.GetString() : null;
        controller ??= method.TryGetProperty("owner", out var o) && o.ValueKind == JsonValueKind.String ? o.GetString() : null;

        var purposes = new HashSet<string>(StringComparer.Ordinal);
        if (controller is not null && _byId.TryGetValue(controller, out var controllerDoc))
        {
            foreach (var relationship in Relationships)
            {
                if (controllerDoc.TryGetProperty(relationship, out var list) && Lists(list, verificationMethodId))
                {
                    purposes.Add(relationship);
                }
            }
        }

        return new VerificationMethod(
            verificationMethodId,
            type,
            controller,
            purposes,
            PublicKeyPem: String(method, "publicKeyPem"),
            PublicKeyJwk: method.TryGetProperty("publicKeyJwk", out var jwk) && jwk.ValueKind == JsonValueKind.Object ? jwk.GetRawText() : null,
            PublicKeyMultibase: String(method, "publicKeyMultibase"));
    }

    private static string? String(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static bool Lists(JsonElement list, string id)
    {
        foreach (var item in list.ValueKind == JsonValueKind.Array ? list.EnumerateArray() : Enumerable.Repeat(list, 1))
        {
            if ((item.ValueKind == JsonValueKind.String && item.GetString() == id) ||
                (item.ValueKind == JsonValueKind.Object && String(item, "id") == id))
            {
                return true;
            }
        }

        return false;
    }

    private void Index(JsonElement e)
    {
        if (e.ValueKind == JsonValueKind.Object)
        {
            if (String(e, "id") is { } id && (!_byId.TryGetValue(id, out var existing) || existing.EnumerateObject().Count() < e.EnumerateObject().Count()))
            {
                // When a method is both embedded and referenced, keep the fullest description.
                _byId[id] = e;
            }

            foreach (var p in e.EnumerateObject())
            {
                if (p.Name != "@context")
                {
                    Index(p.Value);
                }
            }
        }
        else if (e.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in e.EnumerateArray())
            {
                Index(item);
            }
        }
    }
}
