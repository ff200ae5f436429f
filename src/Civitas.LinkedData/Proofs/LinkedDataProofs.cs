using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using Civitas.LinkedData.Canonicalization;
using Civitas.LinkedData.JsonLd;
using NSec.Cryptography;

namespace Civitas.LinkedData.Proofs;

/// <summary>Signs and verifies Linked Data proofs on JSON-LD documents such as verifiable credentials.</summary>
public static class LinkedDataProofs
{
    internal const string SecurityV2 = "https://w3id.org/security/v2";

    /// <summary>
    /// Returns <paramref name="document"/> (JSON text) with a <c>proof</c> added. Throws on a document that cannot be
    /// signed (not JSON-LD, undefined terms, already has a proof, key does not fit the suite).
    /// </summary>
    public static string Sign(string document, ProofSuite suite, SigningKey key, ProofOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(key);
        options ??= ProofOptions.Default;
        if (JsonNode.Parse(document) is not JsonObject root)
        {
            throw new ArgumentException("The document must be a JSON object.", nameof(document));
        }

        if (root.ContainsKey("proof"))
        {
            throw new ArgumentException("The document already has a proof.", nameof(document));
        }

        var created = (options.Created ?? DateTimeOffset.UtcNow).ToUniversalTime();
        var proof = new JsonObject();
        switch (suite)
        {
            case ProofSuite.RsaSignature2018:
                proof["type"] = "RsaSignature2018";
                break;
            case ProofSuite.Ed25519Signature2020:
                proof["type"] = "Ed25519Signature2020";
                break;
            default:
                proof["type"] = "DataIntegrityProof";
                proof["cryptosuite"] = "eddsa-rdfc-2022";
                break;
        }

        proof["created"] = created.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        proof["verificationMethod"] = key.VerificationMethod;
        proof["proofPurpose"] = options.ProofPurpose;
        if (options.Domain is not null)
        {
            proof["domain"] = options.Domain;
        }

        if (options.Challenge is not null)
        {
            proof["challenge"] = options.Challenge;
        }

        var verifyData = ProofHashing.VerifyData(
            ProofOptionsForHashing(suite, proof, root),
            Json.FromNode(root)!,
            options.DocumentLoader);

        if (suite == ProofSuite.RsaSignature2018)
        {
            var rsa = key.Rsa ?? throw new ArgumentException("RsaSignature2018 needs an RSA key.", nameof(key));
            proof["jws"] = DetachedJws.Sign(verifyData, rsa, options.JwsKeyId);
        }
        else
        {
            var ed = key.Ed25519 ?? throw new ArgumentException($"{suite} needs an Ed25519 key.", nameof(key));
            proof["proofValue"] = Base58Btc.EncodeMultibase(SignatureAlgorithm.Ed25519.Sign(ed, verifyData));
        }

        root["proof"] = proof;
        return root.ToJsonString();
    }

    /// <summary>Verifies every proof on the document. Never throws for a bad document or proof: the result says why.</summary>
    public static VerificationResult Verify(string document, IVerificationMethodResolver resolver, VerifyOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(resolver);
        options ??= VerifyOptions.Default;
        JsonObject root;
        try
        {
            if (JsonNode.Parse(document ?? "") is not JsonObject parsed)
            {
                return VerificationResult.Fail(VerificationFailure.MalformedDocument, "the document is not a JSON object");
            }

            root = parsed;
        }
        catch (JsonException ex)
        {
            return VerificationResult.Fail(VerificationFailure.MalformedDocument, "the document is not JSON: " + ex.Message);
        }

        var proofNode = root["proof"];
        if (proofNode is null)
        {
            return VerificationResult.Fail(VerificationFailure.NoProof, "the document has no proof");
        }

        root.Remove("proof");
        var proofs = proofNode is JsonArray array ? array.ToList() : [proofNode];
        if (proofs.Count == 0)
        {
            return VerificationResult.Fail(VerificationFailure.NoProof, "the document has no proof");
        }

        object? unsigned = null;
        foreach (var p in proofs)
        {
            if (p is not JsonObject proof)
            {
                return VerificationResult.Fail(VerificationFailure.MalformedDocument, "a proof is not an object");
            }

            unsigned ??= Json.FromNode(root);
            var result = VerifyOne(root, unsigned!, proof, resolver, options);
            if (!result.Verified)
            {
                return result;
            }
        }

        return VerificationResult.Success;
    }

    private static VerificationResult VerifyOne(JsonObject root, object unsigned, JsonObject proof, IVerificationMethodResolver resolver, VerifyOptions options)
    {
        var type = Str(proof["type"]);
        ProofSuite suite;
        switch (type)
        {
            case "RsaSignature2018":
                suite = ProofSuite.RsaSignature2018;
                break;
            case "Ed25519Signature2020":
                suite = ProofSuite.Ed25519Signature2020;
                break;
            case "DataIntegrityProof" when Str(proof["cryptosuite"]) == "eddsa-rdfc-2022":
                suite = ProofSuite.EddsaRdfc2022;
                break;
            default:
                return VerificationResult.Fail(VerificationFailure.UnsupportedProof, $"unsupported proof type '{type}'");
        }

        var purpose = Str(proof["proofPurpose"]);
        if (purpose != options.ExpectedPurpose)
        {
            return VerificationResult.Fail(VerificationFailure.PurposeNotAuthorized, $"proof purpose is '{purpose}', expected '{options.ExpectedPurpose}'");
        }

        var methodId = Str(proof["verificationMethod"]) ?? Str((proof["verificationMethod"] as JsonObject)?["id"]) ?? Str(proof["creator"]);
        if (methodId is null)
        {
            return VerificationResult.Fail(VerificationFailure.VerificationMethodNotFound, "the proof names no verification method");
        }

        byte[] verifyData;
        try
        {
            var options2 = (JsonObject)proof.DeepClone();
            options2.Remove("jws");
            options2.Remove("proofValue");
            options2.Remove("signatureValue");
            verifyData = ProofHashing.VerifyData(ProofOptionsForHashing(suite, options2, root), unsigned, options.DocumentLoader);
        }
#pragma warning disable CA1031 // The document is attacker-controlled: whatever it makes the JSON-LD algorithms do is a failed verification, not a crash.
        catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
        {
            return VerificationResult.Fail(VerificationFailure.CanonicalizationFailed, ex.Message);
        }

        var method = resolver.Resolve(methodId);
        if (method is null)
        {
            return VerificationResult.Fail(VerificationFailure.VerificationMethodNotFound, $"verification method {methodId} not found");
        }

        if (!method.Purposes.Contains(purpose))
        {
            return VerificationResult.Fail(VerificationFailure.PurposeNotAuthorized, $"{method.Controller ?? "the controller"} does not list {methodId} under {purpose}");
        }

        return suite == ProofSuite.RsaSignature2018
            ? VerifyRsa(proof, method, verifyData)
            : VerifyEd25519(proof, method, verifyData);
    }

    private static VerificationResult VerifyRsa(JsonObject proof, VerificationMethod method, byte[] verifyData)
    {
        if (method.Type is not ("RsaVerificationKey2018" or "JsonWebKey2020"))
        {
            return VerificationResult.Fail(VerificationFailure.KeyTypeMismatch, $"RsaSignature2018 cannot use a {method.Type}");
        }

        if (Str(proof["jws"]) is not { } jws)
        {
            return VerificationResult.Fail(VerificationFailure.InvalidSignature, "the proof has no jws");
        }

        using var rsa = KeyMaterial.Rsa(method);
        if (rsa is null)
        {
            return VerificationResult.Fail(VerificationFailure.KeyTypeMismatch, $"{method.Id} has no RSA public key");
        }

        var error = DetachedJws.Verify(jws, verifyData, rsa);
        return error is null ? VerificationResult.Success : VerificationResult.Fail(VerificationFailure.InvalidSignature, error);
    }

    private static VerificationResult VerifyEd25519(JsonObject proof, VerificationMethod method, byte[] verifyData)
    {
        if (method.Type is not ("Ed25519VerificationKey2020" or "Multikey"))
        {
            return VerificationResult.Fail(VerificationFailure.KeyTypeMismatch, $"Ed25519 proofs cannot use a {method.Type}");
        }

        if (!Ed25519Multikey.TryDecode(method.PublicKeyMultibase, out var raw) ||
            !PublicKey.TryImport(SignatureAlgorithm.Ed25519, raw, KeyBlobFormat.RawPublicKey, out var publicKey))
        {
            return VerificationResult.Fail(VerificationFailure.KeyTypeMismatch, $"{method.Id} has no Ed25519 publicKeyMultibase");
        }

        if (!Base58Btc.TryDecodeMultibase(Str(proof["proofValue"]), out var signature))
        {
            return VerificationResult.Fail(VerificationFailure.InvalidSignature, "proofValue is not multibase base58btc");
        }

        return SignatureAlgorithm.Ed25519.Verify(publicKey!, verifyData, signature)
            ? VerificationResult.Success
            : VerificationResult.Fail(VerificationFailure.InvalidSignature, "signature does not match");
    }

    /// <summary>
    /// The proof options as hashed: RsaSignature2018 in the security v2 context (as jsonld-signatures 6, the verifier MOSIP and Inji use, does);
    /// the newer suites in the document's own context.
    /// </summary>
    private static object ProofOptionsForHashing(ProofSuite suite, JsonObject proof, JsonObject document)
    {
        var copy = (Dictionary<string, object?>)Json.FromNode(proof)!;
        if (!copy.ContainsKey("@context"))
        {
            copy["@context"] = suite == ProofSuite.RsaSignature2018 || document["@context"] is null
                ? SecurityV2
                : Json.FromNode(document["@context"]);
        }

        return copy;
    }

    private static string? Str(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static class KeyMaterial
    {
        public static RSA? Rsa(VerificationMethod method)
        {
            try
            {
                if (method.PublicKeyPem is { } pem)
                {
                    var rsa = RSA.Create();
                    rsa.ImportFromPem(pem);
                    return rsa;
                }

                if (method.PublicKeyJwk is { } jwk)
                {
                    using var doc = JsonDocument.Parse(jwk);
                    var root = doc.RootElement;
                    if (root.GetProperty("kty").GetString() != "RSA")
                    {
                        return null;
                    }

                    return RSA.Create(new RSAParameters
                    {
                        Modulus = System.Buffers.Text.Base64Url.DecodeFromChars(root.GetProperty("n").GetString()),
                        Exponent = System.Buffers.Text.Base64Url.DecodeFromChars(root.GetProperty("e").GetString()),
                    });
                }
            }
            catch (Exception ex) when (ex is CryptographicException or ArgumentException or FormatException or JsonException or KeyNotFoundException)
            {
                return null;
            }

            return null;
        }
    }
}
