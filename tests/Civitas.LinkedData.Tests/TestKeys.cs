using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Civitas.LinkedData.Proofs;

namespace Civitas.LinkedData.Tests;

/// <summary>Issuer keys and the public key / controller documents MOSIP-style verifiers resolve.</summary>
internal static class TestKeys
{
    public const string RsaKeyId = SampleCredential.Issuer + "/keys/rsa-1";
    public const string EdKeyId = SampleCredential.Issuer + "/keys/ed-1";

    private static readonly Lazy<RSA> LazyRsa = new(() => RSA.Create(2048));

    public static RSA Rsa => LazyRsa.Value;

    /// <summary>Fixed so that Node derives the same Ed25519 key pair from it.</summary>
    public static readonly byte[] EdSeed = Convert.FromHexString("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60");

    public static NSec.Cryptography.Key EdKey() => NSec.Cryptography.Key.Import(
        NSec.Cryptography.SignatureAlgorithm.Ed25519, EdSeed, NSec.Cryptography.KeyBlobFormat.RawPrivateKey);

    public static string EdPublicMultibase()
    {
        using var key = EdKey();
        return Ed25519Multikey.Encode(key.PublicKey.Export(NSec.Cryptography.KeyBlobFormat.RawPublicKey));
    }

    public static DocumentSetResolver Resolver(bool authorizeAssertion = true)
    {
        var keyDoc = new JsonObject
        {
            ["@context"] = "https://w3id.org/security/v2",
            ["id"] = RsaKeyId,
            ["type"] = "RsaVerificationKey2018",
            ["controller"] = SampleCredential.Issuer,
            ["publicKeyPem"] = Rsa.ExportSubjectPublicKeyInfoPem(),
        };
        var edDoc = new JsonObject
        {
            ["@context"] = "https://w3id.org/security/suites/ed25519-2020/v1",
            ["id"] = EdKeyId,
            ["type"] = "Ed25519VerificationKey2020",
            ["controller"] = SampleCredential.Issuer,
            ["publicKeyMultibase"] = EdPublicMultibase(),
        };
        var controller = new JsonObject
        {
            ["@context"] = "https://w3id.org/security/v2",
            ["id"] = SampleCredential.Issuer,
            [authorizeAssertion ? "assertionMethod" : "authentication"] = new JsonArray(RsaKeyId, EdKeyId),
        };
        return new DocumentSetResolver([keyDoc.ToJsonString(), edDoc.ToJsonString(), controller.ToJsonString()]);
    }

    public static JsonObject RsaRequest(JsonNode credential, bool withPrivateKey = false)
    {
        var req = new JsonObject
        {
            ["credential"] = credential.DeepClone(),
            ["keyId"] = RsaKeyId,
            ["controller"] = SampleCredential.Issuer,
            ["publicKeyPem"] = Rsa.ExportSubjectPublicKeyInfoPem(),
            ["created"] = "2026-03-01T10:00:00Z",
            ["extraContexts"] = NodeRunner.ExtraContexts(),
        };
        if (withPrivateKey)
        {
            req["privateKeyPem"] = Rsa.ExportPkcs8PrivateKeyPem();
        }

        return req;
    }

    public static JsonObject EdRequest(JsonNode credential) => new()
    {
        ["credential"] = credential.DeepClone(),
        ["keyId"] = EdKeyId,
        ["controller"] = SampleCredential.Issuer,
        ["seedHex"] = Convert.ToHexStringLower(EdSeed),
        ["created"] = "2026-03-01T10:00:00Z",
        ["extraContexts"] = NodeRunner.ExtraContexts(),
    };
}
