using Civitas.Pairing.Tests.Support;
using static Civitas.Pairing.Tests.Support.Points;

namespace Civitas.Pairing.Tests.Vectors;

/// <summary>Known answers for G1 from Milagro's ecp/BN254CX.json (every case, every field).</summary>
public sealed class G1VectorTests
{
    public static TheoryData<int> Cases() => CaseIndexes.For("ecp_BN254CX.json");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Group_law_fields_match(int index)
    {
        var v = Repository.LoadVectors("ecp_BN254CX.json")[index];
        var p1 = G1(v.Str("ECP1"));
        var p2 = G1(v.Str("ECP2"));

        Assert.Equal(G1(v.Str("ECPsum")), p1 + p2);
        Assert.Equal(G1(v.Str("ECPsum")), p2 + p1);
        Assert.Equal((p1 + p2) + G1(v.Str("ECPsum")), p1 + (p2 + G1(v.Str("ECPsum"))));
        Assert.Equal(G1(v.Str("ECPneg")), -p1);
        Assert.Equal(G1(v.Str("ECPsub")), p1 - p2);
        Assert.Equal(G1(v.Str("ECPdbl")), p1.Double());
        Assert.Equal(G1(v.Str("ECPdbl")), p1 + p1);
        Assert.True((p1 - p1).IsInfinity);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Scalar_multiplication_fields_match(int index)
    {
        var v = Repository.LoadVectors("ecp_BN254CX.json")[index];
        var p1 = G1(v.Str("ECP1"));
        var p2 = G1(v.Str("ECP2"));
        var s1 = ScalarBytes(v.Str("BIGscalar1"));
        var s2 = ScalarBytes(v.Str("BIGscalar2"));

        Assert.Equal(G1(v.Str("ECPmul")), p1.Multiply(s1));
        Assert.Equal(G1(v.Str("ECPpinmul")), p1.Multiply(Scalar.FromUInt64(1234)));
        Assert.Equal(G1(v.Str("ECPmul2")), p1.Multiply(s1) + p2.Multiply(s2));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Invalid_points_are_refused_and_parity_selection_matches(int index)
    {
        var v = Repository.LoadVectors("ecp_BN254CX.json")[index];
        Assert.False(TryG1(v.Str("ECPwrong"), out _));
        Assert.False(TryG1(v.Str("ECPinf"), out _));

        var wrong = EncodeRaw(v.Str("ECPwrong"));
        var error = Assert.Throws<PairingFormatException>(() => G1Point.Decode(wrong));
        Assert.Contains("not on the curve", error.Message, StringComparison.Ordinal);

        var p1 = G1(v.Str("ECP1"));
        Assert.True(G1Point.TryFromX(p1.X, oddY: false, out var even));
        Assert.True(G1Point.TryFromX(p1.X, oddY: true, out var odd));
        Assert.Equal(G1(v.Str("ECPeven")), even);
        Assert.Equal(G1(v.Str("ECPodd")), odd);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Encoding_round_trips(int index)
    {
        var v = Repository.LoadVectors("ecp_BN254CX.json")[index];
        var p = G1(v.Str("ECPmul"));
        var bytes = p.Encode();
        Assert.Equal(65, bytes.Length);
        Assert.Equal(0x04, bytes[0]);
        Assert.Equal(EncodeRaw(v.Str("ECPmul")), bytes);
        Assert.Equal(p, G1Point.Decode(bytes));
    }

    private static byte[] EncodeRaw(string text)
    {
        var parts = text.Split(':');
        return [0x04, .. Convert.FromHexString(parts[0].PadLeft(64, '0')), .. Convert.FromHexString(parts[1].PadLeft(64, '0'))];
    }
}
