using System.Text.Json;
using System.Text.Json.Nodes;

namespace Civitas.Keys.Tests.Support;

/// <summary>Drives scripts/mosip-envelope.mjs: Node's own crypto as a second, independent MOSIP encoder/decoder.</summary>
internal static class NodeMosipEnvelope
{
    public static string Encrypt(string certificatePem, byte[] data, byte[]? salt = null, byte[]? aad = null) =>
        Call(new JsonObject
        {
            ["operation"] = "encrypt",
            ["certificatePem"] = certificatePem,
            ["data"] = Convert.ToBase64String(data),
            ["salt"] = salt is null ? null : Convert.ToBase64String(salt),
            ["aad"] = aad is null ? null : Convert.ToBase64String(aad),
        })["data"]!.GetValue<string>();

    public static (byte[] Data, bool Versioned, string? Thumbprint) Decrypt(string privateKeyPem, string data, byte[]? salt = null, byte[]? aad = null)
    {
        var answer = Call(new JsonObject
        {
            ["operation"] = "decrypt",
            ["privateKeyPem"] = privateKeyPem,
            ["data"] = data,
            ["salt"] = salt is null ? null : Convert.ToBase64String(salt),
            ["aad"] = aad is null ? null : Convert.ToBase64String(aad),
        });
        return (Convert.FromBase64String(answer["data"]!.GetValue<string>()), answer["versioned"]!.GetValue<bool>(), answer["thumbprint"]?.GetValue<string>());
    }

    private static JsonNode Call(JsonObject request)
    {
        var (exit, output, error) = ExternalTool.Run("node", [RepositoryPaths.TestScript("mosip-envelope.mjs")], request.ToJsonString());
        Assert.True(exit == 0, "node mosip-envelope.mjs failed: " + error);
        return JsonNode.Parse(output) ?? throw new JsonException("empty answer from node");
    }
}
