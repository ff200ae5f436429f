using Civitas.Pairing.Tests.Support;
using static Civitas.Pairing.Tests.Support.VectorText;

namespace Civitas.Pairing.Tests.Vectors;

/// <summary>Known answers for GF(p⁴) from Milagro's fp4/BN254CX.json.</summary>
public sealed class Fp4VectorTests
{
    public static TheoryData<int> Cases() => CaseIndexes.For("fp4_BN254CX.json");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Arithmetic_fields_match(int index)
    {
        var v = Repository.LoadVectors("fp4_BN254CX.json")[index];
        var a = ParseFp4(v.Str("FP41"));
        var b = ParseFp4(v.Str("FP42"));

        Assert.Equal(ParseFp4(v.Str("FP4add")), a + b);
        Assert.Equal(ParseFp4(v.Str("FP4sub")), a - b);
        Assert.Equal(ParseFp4(v.Str("FP4neg")), -a);
        Assert.Equal(ParseFp4(v.Str("FP4conj")), a.Conjugate());
        Assert.Equal(ParseFp4(v.Str("FP4nconj")), a.NegativeConjugate());
        Assert.Equal(ParseFp4(v.Str("FP4pmul")), a * ParseFp2(v.Str("FP2sc")));
        Assert.Equal(ParseFp4(v.Str("FP4imul")), a.MulBySmall((ulong)index));
        Assert.Equal(ParseFp4(v.Str("FP4sqr")), a.Square());
        Assert.Equal(ParseFp4(v.Str("FP4mul")), a * b);
        Assert.Equal(ParseFp4(v.Str("FP4mul")), b * a);
        Assert.Equal(ParseFp4(v.Str("FP4pow")), a.Pow(Big(v.Str("BIGsc1"))));
        Assert.Equal(ParseFp4(v.Str("FP4inv")), a.Invert());
        Assert.Equal(ParseFp4(v.Str("FP4mulj")), a.MulByJ());
        Assert.Equal(Fp4.One, a * a.Invert());
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Xtr_building_blocks_match(int index)
    {
        var v = Repository.LoadVectors("fp4_BN254CX.json")[index];
        var a = ParseFp4(v.Str("FP41"));
        var b = ParseFp4(v.Str("FP42"));

        Assert.Equal(ParseFp4(v.Str("FP4xtrA")), Xtr.A(b, a, ParseFp4(v.Str("FP4add")), ParseFp4(v.Str("FP4sub"))));
        Assert.Equal(ParseFp4(v.Str("FP4xtrD")), Xtr.D(a));
        Assert.Equal(ParseFp4(v.Str("FP4xtrpow")), Xtr.Power(ParseFp4(v.Str("FP121")), Big(v.Str("BIGsc1"))));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Frobenius_field_matches(int index)
    {
        var v = Repository.LoadVectors("fp4_BN254CX.json")[index];
        var a = ParseFp4(v.Str("FP41"));
        // FP4frob is x^p: a + bj maps to conj(a) + conj(b)·j^(p-1)·j with j^(p-1) = ξ^((p-1)/2) = w^(3(p-1)).
        var expected = ParseFp4(v.Str("FP4frob"));
        var actual = new Fp4(a.A.Conjugate(), a.B.Conjugate() * FrobeniusConstants.For(1)[3]);
        Assert.Equal(expected, actual);
    }
}
