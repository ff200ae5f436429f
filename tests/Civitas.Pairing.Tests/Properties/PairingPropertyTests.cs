using System.Numerics;
using System.Security.Cryptography;

namespace Civitas.Pairing.Tests.Properties;

/// <summary>Algebraic properties of the pairing and the groups, on random inputs.</summary>
public sealed class PairingPropertyTests
{
    private static byte[] RandomScalar() => Scalar.FromBytes(RandomNumberGenerator.GetBytes(32)).ToBytes();

    [Fact]
    public void Generators_are_in_their_groups_and_have_order_r()
    {
        Assert.True(G2Point.IsInSubgroup(G2Point.Generator.X, G2Point.Generator.Y));
        Assert.True(G1Point.Generator.Multiply(Scalar.FromBigInteger(Scalar.Order - 1)).Equals(-G1Point.Generator));
        Assert.True(G2Point.Generator.Multiply(Scalar.FromBigInteger(Scalar.Order - 1)).Equals(-G2Point.Generator));
        Assert.Equal(G2Point.Generator, G2Point.Decode(G2Point.Generator.Encode()));
    }

    [Fact]
    public void Pairing_is_non_degenerate_and_has_order_r()
    {
        var e = Pairing.Compute(G1Point.Generator, G2Point.Generator);
        Assert.False(e.IsOne);
        Assert.True(new Gt(e.Value.Pow(Scalar.Order)).IsOne);
    }

    [Fact]
    public void Bilinear_in_both_arguments()
    {
        var a = RandomScalar();
        var b = RandomScalar();
        var p = G1Point.Generator.Multiply(RandomScalar());
        var q = G2Point.Generator.Multiply(RandomScalar());
        var e = Pairing.Compute(p, q);

        var ab = (Scalar.FromBytes(a) * Scalar.FromBytes(b)).ToBytes();
        Assert.Equal(e.Pow(ab), Pairing.Compute(p.Multiply(a), q.Multiply(b)));
        Assert.Equal(e.Pow(a), Pairing.Compute(p.Multiply(a), q));
        Assert.Equal(e.Pow(b), Pairing.Compute(p, q.Multiply(b)));

        var p2 = G1Point.Generator.Multiply(RandomScalar());
        Assert.Equal(Pairing.Compute(p, q) * Pairing.Compute(p2, q), Pairing.Compute(p + p2, q));
    }

    [Fact]
    public void Product_of_pairings_equals_the_product_of_single_pairings()
    {
        var p1 = G1Point.Generator.Multiply(RandomScalar());
        var p2 = G1Point.Generator.Multiply(RandomScalar());
        var q1 = G2Point.Generator.Multiply(RandomScalar());
        var q2 = G2Point.Generator.Multiply(RandomScalar());
        Assert.Equal(Pairing.Compute(p1, q1) * Pairing.Compute(p2, q2), Pairing.Product([p1, p2], [q1, q2]));
        Assert.True(Pairing.IsProductOne([p1, -p1], [q1, q1]));
        Assert.False(Pairing.IsProductOne([p1, p2], [q1, q1]));
    }

    [Fact]
    public void Final_exponentiation_is_a_fixed_power_of_the_textbook_exponent()
    {
        // Independent check of the hard-part chain: raise a Miller value to (p¹² - 1)/r with plain
        // square-and-multiply and compare after the documented multiplier 2u(6u² + 3u + 1).
        var f = Pairing.MillerProduct([G1Point.Generator.Multiply(RandomScalar())], [G2Point.Generator]);
        var p = Fp.Modulus;
        var u = CurveConstants.U;
        var textbook = f.Pow((BigInteger.Pow(p, 12) - 1) / Scalar.Order);
        var multiplier = BigInteger.Remainder(2 * u * ((6 * u * u) + (3 * u) + 1), Scalar.Order);
        if (multiplier.Sign < 0)
        {
            multiplier += Scalar.Order;
        }

        Assert.Equal(textbook.Pow(multiplier), FinalExponentiation.Apply(f));
    }

    [Fact]
    public void Cyclotomic_squaring_matches_generic_squaring_in_the_cyclotomic_subgroup()
    {
        var f = Pairing.MillerProduct([G1Point.Generator], [G2Point.Generator]);
        var t = f.Conjugate() * f.Invert();
        t = t.Frobenius(2) * t;
        Assert.Equal(t.Square(), t.CyclotomicSquare());
    }

    [Fact]
    public void Frobenius_maps_agree_with_powering_by_p()
    {
        var f = Pairing.MillerProduct([G1Point.Generator], [G2Point.Generator]);
        Assert.Equal(f.Pow(Fp.Modulus), f.Frobenius(1));
        Assert.Equal(f.Frobenius(1).Frobenius(1), f.Frobenius(2));
        Assert.Equal(f.Frobenius(2).Frobenius(1), f.Frobenius(3));
    }
}
