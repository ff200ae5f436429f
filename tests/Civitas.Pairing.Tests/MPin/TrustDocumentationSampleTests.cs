using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Civitas.Pairing.MPin;
using Civitas.Pairing.Tests.Support;

namespace Civitas.Pairing.Tests.MPin;

/// <summary>
/// The MIRACL Trust documentation's POST /dvs/verify sample (seed 003, read in place) carries values a real
/// Trust client produced: its DVS public key must decode as a G2 point in the subgroup (which only works
/// with the xa|xb|ya|yb order and the Milagro twist), and U and V as G1 points.
/// </summary>
public sealed partial class TrustDocumentationSampleTests
{
    private const string SeedFile = "003_389c48130530d161.txt";

    [GeneratedRegex("\"(?<key>u|v|mpinId|publicKey)\"\\s*:\\s*\"(?<value>[0-9a-f]+)\"")]
    private static partial Regex HexField();

    private static Dictionary<string, string> SampleFields()
    {
        var path = Path.Combine(Repository.SeedsFolder, SeedFile);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Seed document missing: {path} (expected at <repo root>/../shared/seeds/).");
        }

        // Only the request example of the /dvs/verify section.
        var text = File.ReadAllText(path);
        var start = text.IndexOf("# POST api.mpin.io/dvs/verify", StringComparison.Ordinal);
        Assert.True(start >= 0, "The seed has no /dvs/verify section.");
        var end = text.IndexOf("# Response Example", start, StringComparison.Ordinal);
        var section = text[start..end];
        var fields = HexField().Matches(section).ToDictionary(m => m.Groups["key"].Value, m => m.Groups["value"].Value);
        Assert.Equal(4, fields.Count);
        return fields;
    }

    [Fact]
    public void Sample_public_key_and_signature_points_decode()
    {
        var fields = SampleFields();
        var publicKey = G2Point.Decode(MPinHex.Decode(fields["publicKey"]));
        Assert.False(publicKey.IsInfinity);
        Assert.Equal(fields["publicKey"], MPinHex.Encode(publicKey.Encode()));

        Assert.Equal(fields["u"], MPinHex.Encode(G1Point.Decode(MPinHex.Decode(fields["u"])).Encode()));
        Assert.Equal(fields["v"], MPinHex.Encode(G1Point.Decode(MPinHex.Decode(fields["v"])).Encode()));

        // Swapping the real and imaginary halves (current miracl/core's order) must not decode.
        var raw = MPinHex.Decode(fields["publicKey"]);
        byte[] swapped = [.. raw[32..64], .. raw[..32], .. raw[96..128], .. raw[64..96]];
        Assert.Throws<PairingFormatException>(() => G2Point.Decode(swapped));
    }

    [Fact]
    public void Sample_mpin_id_is_hex_of_the_identity_json()
    {
        var id = Encoding.UTF8.GetString(MPinHex.Decode(SampleFields()["mpinId"]));
        using var json = JsonDocument.Parse(id);
        Assert.Equal(5, json.RootElement.GetProperty("v").GetInt32());
        Assert.Equal("dvs", json.RootElement.GetProperty("vt").GetString());
    }
}
