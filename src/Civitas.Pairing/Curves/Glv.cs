using System.Numerics;
using Civitas.Pairing.Arithmetic;

namespace Civitas.Pairing;

/// <summary>
/// Gallant–Lambert–Vanstone decomposition for G1: φ(x, y) = (βx, y) acts on G1 as multiplication by λ
/// (β³ = 1 in GF(p), λ² + λ + 1 ≡ 0 mod r), so k·P = k1·P + k2·φ(P) with |k1|, |k2| &lt; 2¹³⁰, halving the doublings.
/// The split uses fixed-size limb arithmetic with no branches, since k is usually secret:
/// c1 = ⌊k·g1 / 2²⁵⁶⌋, c2 = ⌊k·g2 / 2²⁵⁶⌋, k1 = k - c1·a1 - c2·a2, k2 = c1·(-b1) - c2·b2, all modulo 2²⁵⁶
/// (the true values are small, so two's complement recovers them), with the lattice basis
/// v1 = (a1, b1) = (-(2u+1), -(6u²+4u+1)), v2 = (a2, b2) = (6u²+2u, -(2u+1)) of {(a, b) : a + bλ ≡ 0 mod r}.
/// </summary>
internal static class Glv
{
    /// <summary>Bits covered by the sub-scalars (33 four-bit windows).</summary>
    public const int Bits = 132;

    /// <summary>β = CURVE_Cru, the cube root of unity in GF(p) for which φ(P) = λP on G1.</summary>
    public static readonly Fp Beta = Fp.FromBigInteger(Parse("480000000ca83f1440bddf6471ef875631e0931794235c97"));

    /// <summary>λ = 36u³ + 18u² + 6u + 1 reduced, negated minus one (the root matching β).</summary>
    public static readonly BigInteger Lambda = Parse("9000000019507e29a17bbec9059fb6e264be500a6ad67bb6");

    private static readonly BigInteger A1Value = Parse("8000000007802561");
    private static readonly BigInteger A2Value = Parse("600000000b403812805463491db010e4");
    private static readonly BigInteger MinusB1Value = Parse("600000000b40381200546349162feb83");
    private static readonly BigInteger B2Value = Parse("8000000007802561");

    private static readonly U256 A1 = U256.FromBigInteger(A1Value);
    private static readonly U256 A2 = U256.FromBigInteger(A2Value);
    private static readonly U256 MinusB1 = U256.FromBigInteger(MinusB1Value);
    private static readonly U256 B2 = U256.FromBigInteger(B2Value);
    private static readonly U256 G1 = U256.FromBigInteger((B2Value << 256) / Scalar.Order);
    private static readonly U256 G2 = U256.FromBigInteger((MinusB1Value << 256) / Scalar.Order);

    private static BigInteger Parse(string hex) =>
        BigInteger.Parse("0" + hex, System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Splits k into |k1|, |k2| and their signs (all-ones mask when negative).</summary>
    public static void Decompose(in Scalar k, out U256 k1, out ulong negative1, out U256 k2, out ulong negative2)
    {
        var c1 = MultiplyHigh(k.Value, G1);
        var c2 = MultiplyHigh(k.Value, G2);

        var t = U256.SubtractWithBorrow(k.Value, MultiplyLow(c1, A1), out _);
        var signed1 = U256.SubtractWithBorrow(t, MultiplyLow(c2, A2), out _);
        var signed2 = U256.SubtractWithBorrow(MultiplyLow(c1, MinusB1), MultiplyLow(c2, B2), out _);

        negative1 = 0UL - (signed1.L3 >> 63);
        negative2 = 0UL - (signed2.L3 >> 63);
        k1 = AbsoluteValue(signed1, negative1);
        k2 = AbsoluteValue(signed2, negative2);
    }

    /// <summary>Two's-complement magnitude, selected by mask.</summary>
    private static U256 AbsoluteValue(in U256 value, ulong negativeMask)
    {
        var inverted = new U256(~value.L0, ~value.L1, ~value.L2, ~value.L3);
        var negated = U256.AddWithCarry(inverted, new U256(1, 0, 0, 0), out _);
        return U256.Select(negativeMask, negated, value);
    }

    /// <summary>⌊a·b / 2²⁵⁶⌋ by schoolbook multiplication (fixed 16 products).</summary>
    private static U256 MultiplyHigh(in U256 a, in U256 b)
    {
        Span<ulong> product = stackalloc ulong[8];
        MultiplyFull(a, b, product);
        return new U256(product[4], product[5], product[6], product[7]);
    }

    /// <summary>a·b mod 2²⁵⁶.</summary>
    private static U256 MultiplyLow(in U256 a, in U256 b)
    {
        Span<ulong> product = stackalloc ulong[8];
        MultiplyFull(a, b, product);
        return new U256(product[0], product[1], product[2], product[3]);
    }

    private static void MultiplyFull(in U256 a, in U256 b, Span<ulong> product)
    {
        ReadOnlySpan<ulong> x = [a.L0, a.L1, a.L2, a.L3];
        ReadOnlySpan<ulong> y = [b.L0, b.L1, b.L2, b.L3];
        product.Clear();
        for (var i = 0; i < 4; i++)
        {
            ulong carry = 0;
            for (var j = 0; j < 4; j++)
            {
                var hi = Math.BigMul(x[i], y[j], out var lo);
                lo += product[i + j];
                hi += lo < product[i + j] ? 1UL : 0UL;
                lo += carry;
                hi += lo < carry ? 1UL : 0UL;
                product[i + j] = lo;
                carry = hi;
            }

            product[i + 4] = carry;
        }
    }
}
