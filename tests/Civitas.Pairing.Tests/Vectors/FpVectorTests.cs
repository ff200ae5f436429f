using Civitas.Pairing.Tests.Support;
using static Civitas.Pairing.Tests.Support.VectorText;

namespace Civitas.Pairing.Tests.Vectors;

/// <summary>Known answers for GF(p) from Milagro's fp/BN254CX.json (every case, every field).</summary>
public sealed class FpVectorTests
{
    public static TheoryData<int> Cases() => CaseIndexes.For("fp_BN254CX.json");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_field_of_the_case_matches(int index)
    {
        var v = Repository.LoadVectors("fp_BN254CX.json")[index];
        var a = ParseFp(v.Str("FP1"));
        var b = ParseFp(v.Str("FP2"));

        Assert.Equal(ParseFp(v.Str("FP1nres")), a);
        Assert.Equal(ParseFp(v.Str("FP2nres")), b);
        Assert.Equal(ParseFp(v.Str("FPreduce")), a);
        Assert.Equal(ParseFp(v.Str("FPadd")), a + b);
        Assert.Equal(ParseFp(v.Str("FPadd")), b + a);
        Assert.Equal(ParseFp(v.Str("FPsub")), a - b);
        Assert.Equal(ParseFp(v.Str("FPmulmod")), a * b);
        Assert.Equal(ParseFp(v.Str("FPsmallmul")), a * Fp.FromUInt64(10));
        Assert.Equal(ParseFp(v.Str("FPsqr")), a.Square());
        Assert.Equal(ParseFp(v.Str("FPneg")), -a);
        Assert.Equal(ParseFp(v.Str("FPdiv2")), a.Half());
        Assert.Equal(ParseFp(v.Str("FPinv")), a.Invert());
        Assert.Equal(ParseFp(v.Str("FPexp")), a.Pow(Big(v.Str("FP2"))));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Encoding_round_trips_and_is_32_byte_big_endian(int index)
    {
        var v = Repository.LoadVectors("fp_BN254CX.json")[index];
        var a = ParseFp(v.Str("FPmulmod"));
        var bytes = a.ToBytes();
        Assert.Equal(32, bytes.Length);
        Assert.Equal(Big(v.Str("FPmulmod")), new System.Numerics.BigInteger(bytes, isUnsigned: true, isBigEndian: true));
        Assert.Equal(a, Fp.FromBytes(bytes));
    }

    [Fact]
    public void Decoding_rejects_the_modulus_and_wrong_lengths()
    {
        var p = Fp.Modulus.ToByteArray(isUnsigned: true, isBigEndian: true);
        Assert.Throws<PairingFormatException>(() => Fp.FromBytes(p));
        Assert.Throws<PairingFormatException>(() => Fp.FromBytes(new byte[31]));
        Assert.Throws<PairingFormatException>(() => Fp.FromBytes(new byte[33]));
        var below = (Fp.Modulus - 1).ToByteArray(isUnsigned: true, isBigEndian: true);
        Assert.Equal(-Fp.One, Fp.FromBytes(below));
    }
}
