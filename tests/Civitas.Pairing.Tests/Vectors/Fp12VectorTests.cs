using System.Numerics;
using Civitas.Pairing.Tests.Support;
using static Civitas.Pairing.Tests.Support.VectorText;

namespace Civitas.Pairing.Tests.Vectors;

/// <summary>Known answers for GF(p¹²) from Milagro's fp12/BN254CX.json.</summary>
public sealed class Fp12VectorTests
{
    public static TheoryData<int> Cases() => CaseIndexes.For("fp12_BN254CX.json");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Arithmetic_fields_match(int index)
    {
        var v = Repository.LoadVectors("fp12_BN254CX.json")[index];
        var a = ParseFp12(v.Str("FP121"));
        var b = ParseFp12(v.Str("FP122"));

        Assert.Equal(ParseFp12(v.Str("FP12conj")), a.Conjugate());
        Assert.Equal(ParseFp12(v.Str("FP12mul")), a * b);
        Assert.Equal(ParseFp12(v.Str("FP12mul")), b * a);
        Assert.Equal(ParseFp12(v.Str("FP12square")), a.Square());
        // Milagro 3.3's usqr on a general element equals the plain square (the vectors confirm it).
        Assert.Equal(ParseFp12(v.Str("FP12usquare")), a.Square());
        Assert.Equal(ParseFp12(v.Str("FP12inv")), a.Invert());
        Assert.Equal(ParseFp12(v.Str("FP12pow")), a.Pow(Big(v.Str("BIGsc1"))));
        Assert.Equal(ParseFp12(v.Str("FP12pinpow")), a.Pow(index + 1));
        Assert.Equal(ParseFp12(v.Str("FP12frob")), a.Frobenius(1));
        Assert.Equal(ParseFp4(v.Str("FP4trace")), a.A.MulBySmall(3));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Sparse_line_products_match(int index)
    {
        var v = Repository.LoadVectors("fp12_BN254CX.json")[index];
        var a = ParseFp12(v.Str("FP121"));
        var dLine = ParseFp12(v.Str("FP12smulydtype"));
        var mLine = ParseFp12(v.Str("FP12smulymtype"));

        // The D-type line has the shape (l0 + l3·j) + l1·w that the Miller loop produces.
        Assert.True(dLine.B.B.IsZero && dLine.C.IsZero);
        Assert.Equal(ParseFp12(v.Str("FP12smuldtype")), a.MulByLine(dLine.A.A, dLine.B.A, dLine.A.B));
        Assert.Equal(ParseFp12(v.Str("FP12smuldtype")), a * dLine);
        Assert.Equal(ParseFp12(v.Str("FP12smulmtype")), a * mLine);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Multi_exponentiation_and_compressed_powers_match(int index)
    {
        var v = Repository.LoadVectors("fp12_BN254CX.json")[index];
        var bases = new[] { "FP121", "FP122", "FP123", "FP124" }.Select(k => ParseFp12(v.Str(k))).ToArray();
        var exponents = new[] { "BIGsc1", "BIGsc2", "BIGsc3", "BIGsc4" }.Select(k => Big(v.Str(k))).ToArray();
        var product = Fp12.One;
        for (var i = 0; i < 4; i++)
        {
            product *= bases[i].Pow(exponents[i]);
        }

        Assert.Equal(ParseFp12(v.Str("FP12pow4")), product);

        // compow returns the GF(p¹²)/GF(p⁴) trace of c^e, which is 3·(c^e).a; computed here the long way.
        var c = ParseFp12(v.Str("FP12c"));
        Assert.Equal(ParseFp4(v.Str("FP12compow")), c.Pow(Big(v.Str("BIGsc1"))).A.MulBySmall(3));
        Assert.Equal(ParseFp4(v.Str("FP12compows")), c.Pow(Big(v.Str("BIGscs"))).A.MulBySmall(3));
    }
}
