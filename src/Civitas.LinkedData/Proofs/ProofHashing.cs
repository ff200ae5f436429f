using System.Security.Cryptography;
using System.Text;
using Civitas.LinkedData.Canonicalization;
using Civitas.LinkedData.JsonLd;

namespace Civitas.LinkedData.Proofs;

/// <summary>
/// The data every suite here signs: SHA-256(c14n(proof options)) ‖ SHA-256(c14n(document without proof)), with
/// JSON-LD in safe mode (an undefined term fails instead of silently escaping the signature) and RDFC-1.0.
/// </summary>
internal static class ProofHashing
{
    public static byte[] VerifyData(object proofOptions, object document, IDocumentLoader loader)
    {
        var data = new byte[64];
        SHA256.HashData(Encoding.UTF8.GetBytes(Canonicalize(proofOptions, loader)), data.AsSpan(0, 32));
        SHA256.HashData(Encoding.UTF8.GetBytes(Canonicalize(document, loader)), data.AsSpan(32, 32));
        return data;
    }

    public static string Canonicalize(object document, IDocumentLoader loader)
    {
        var quads = JsonLdProcessor.ToRdfParsed(document, new JsonLdOptions { DocumentLoader = loader, Safe = true });
        return RdfCanonicalizer.Canonicalize(quads).NQuads;
    }
}
