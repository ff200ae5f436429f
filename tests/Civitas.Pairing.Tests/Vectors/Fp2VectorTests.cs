using Civitas.Pairing.Tests.Support;
using static Civitas.Pairing.Tests.Support.VectorText;

namespace Civitas.Pairing.Tests.Vectors;

/// <summary>Known answers for GF(p²) from Milagro's fp2/BN254CX.json (every case, every field).</summary>
public sealed class Fp2VectorTests
{
    public static TheoryData<int> Cases() => CaseIndexes.For("fp2_BN254CX.json");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_field_of_the_case_matches(int index)
    {
        var v = Repository.LoadVectors("fp2_BN254CX.json")[index];
        var a = ParseFp2(v.Str("FP21"));
        var b = ParseFp2(v.Str("FP22"));
        var scalar = Big(v.Str("BIGsc"));

        Assert.Equal(ParseFp2(v.Str("FP2add")), a + b);
        Assert.Equal(ParseFp2(v.Str("FP2add")), b + a);
        Assert.Equal(ParseFp2(v.Str("FP2sub")), a - b);
        Assert.Equal(ParseFp2(v.Str("FP2neg")), -a);
        Assert.Equal(ParseFp2(v.Str("FP2conj")), a.Conjugate());
        Assert.Equal(ParseFp2(v.Str("FP2pmul")), a * Fp.FromBigInteger(scalar));
        Assert.Equal(ParseFp2(v.Str("FP2imul")), a.MulBySmall((ulong)index));
        Assert.Equal(ParseFp2(v.Str("FP2sqr")), a.Square());
        Assert.Equal(ParseFp2(v.Str("FP2mul")), a * b);
        Assert.Equal(ParseFp2(v.Str("FP2mul")), b * a);
        Assert.Equal(ParseFp2(v.Str("FP2pow")), a.Pow(scalar));
        Assert.Equal(ParseFp2(v.Str("FP2inv")), a.Invert());
        Assert.Equal(ParseFp2(v.Str("FP2div2")), a.Half());
        Assert.Equal(ParseFp2(v.Str("FP2mulip")), a.MulByXi());
        Assert.Equal(ParseFp2(v.Str("FP2divip")), a.DivByXi());

        // Milagro's test: the square root of FP2sqr squares back to FP2sqr.
        var square = ParseFp2(v.Str("FP2sqr"));
        Assert.True(square.TrySqrt(out var root));
        Assert.Equal(square, root.Square());
    }
}
