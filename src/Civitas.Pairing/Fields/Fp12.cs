using System.Numerics;
using System.Runtime.CompilerServices;

namespace Civitas.Pairing;

/// <summary>
/// GF(p¹²) = GF(p⁴)[w]/(w³ - j) (Milagro's tower); the value is A + B·w + C·w².
/// Over GF(p²) the basis is 1, w, w², w³ = j, w⁴ = jw, w⁵ = jw², with w⁶ = ξ.
/// </summary>
internal readonly struct Fp12 : IEquatable<Fp12>
{
    public readonly Fp4 A;
    public readonly Fp4 B;
    public readonly Fp4 C;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fp12(in Fp4 a, in Fp4 b, in Fp4 c)
    {
        A = a;
        B = b;
        C = c;
    }

    public static Fp12 One => new(Fp4.One, Fp4.Zero, Fp4.Zero);

    public bool IsOne => A.Equals(Fp4.One) && B.IsZero && C.IsZero;

    public static Fp12 operator +(in Fp12 x, in Fp12 y) => new(x.A + y.A, x.B + y.B, x.C + y.C);

    public static Fp12 operator -(in Fp12 x, in Fp12 y) => new(x.A - y.A, x.B - y.B, x.C - y.C);

    /// <summary>Karatsuba over the cubic extension: six GF(p⁴) multiplications.</summary>
    public static Fp12 operator *(in Fp12 x, in Fp12 y)
    {
        var v0 = x.A * y.A;
        var v1 = x.B * y.B;
        var v2 = x.C * y.C;
        var c0 = v0 + ((x.B + x.C) * (y.B + y.C) - v1 - v2).MulByJ();
        var c1 = (x.A + x.B) * (y.A + y.B) - v0 - v1 + v2.MulByJ();
        var c2 = (x.A + x.C) * (y.A + y.C) - v0 - v2 + v1;
        return new Fp12(c0, c1, c2);
    }

    /// <summary>Chung–Hasan SQR3: three GF(p⁴) squarings and two multiplications.</summary>
    public Fp12 Square()
    {
        var s0 = A.Square();
        var s1 = (A * B).Double();
        var s2 = (A - B + C).Square();
        var s3 = (B * C).Double();
        var s4 = C.Square();
        return new Fp12(s0 + s3.MulByJ(), s1 + s4.MulByJ(), s1 + s2 + s3 - s0 - s4);
    }

    /// <summary>
    /// Multiplies by a sparse line value (l0 + l3·j) + l1·w, the shape a D-type twist produces
    /// (Milagro's smul for D_TYPE); 13 GF(p²) multiplications instead of 18.
    /// </summary>
    public Fp12 MulByLine(in Fp2 l0, in Fp2 l1, in Fp2 l3)
    {
        var ya = new Fp4(l0, l3);
        var t0 = A * ya;
        var t1 = new Fp4(B.A * l1, B.B * l1);
        var cyb = new Fp4(C.A * l1, C.B * l1);
        var c1 = (A + B) * new Fp4(l0 + l1, l3) - t0 - t1;
        var c2 = t1 + C * ya;
        return new Fp12(t0 + cyb.MulByJ(), c1, c2);
    }

    /// <summary>x^(p⁶): w ↦ -w. Equals the inverse for elements of the cyclotomic subgroup.</summary>
    public Fp12 Conjugate() => new(A.Conjugate(), B.NegativeConjugate(), C.Conjugate());

    /// <summary>Inverse by the cubic-extension norm formula.</summary>
    public Fp12 Invert()
    {
        var t0 = A.Square() - (B * C).MulByJ();
        var t1 = C.Square().MulByJ() - A * B;
        var t2 = B.Square() - A * C;
        var norm = A * t0 + ((C * t1) + (B * t2)).MulByJ();
        var inverseNorm = norm.Invert();
        return new Fp12(t0 * inverseNorm, t1 * inverseNorm, t2 * inverseNorm);
    }

    /// <summary>x^(pⁿ) for n = 1, 2, 3 using precomputed powers of ξ.</summary>
    public Fp12 Frobenius(int power)
    {
        var gamma = FrobeniusConstants.For(power);
        var conjugate = (power & 1) == 1;
        Fp2 Map(in Fp2 c, int k) => (conjugate ? c.Conjugate() : c) * gamma[k];
        return new Fp12(
            new Fp4(conjugate ? A.A.Conjugate() : A.A, Map(A.B, 3)),
            new Fp4(Map(B.A, 1), Map(B.B, 4)),
            new Fp4(Map(C.A, 2), Map(C.B, 5)));
    }

    /// <summary>
    /// Granger–Scott squaring, valid only in the cyclotomic subgroup (x^(p⁶+1) = 1), which the
    /// final exponentiation enters after its easy part: three GF(p⁴) squarings.
    /// </summary>
    public Fp12 CyclotomicSquare()
    {
        var a2 = A.Square();
        var b2 = B.Square();
        var c2 = C.Square().MulByJ();
        var a = a2 + a2.Double() - A.Conjugate().Double();
        var b = c2 + c2.Double() + B.Conjugate().Double();
        var c = b2 + b2.Double() - C.Conjugate().Double();
        return new Fp12(a, b, c);
    }

    /// <summary>thisᵉ for a public exponent (generic square-and-multiply).</summary>
    public Fp12 Pow(BigInteger exponent)
    {
        var result = One;
        for (var i = (int)exponent.GetBitLength() - 1; i >= 0; i--)
        {
            result = result.Square();
            if (!(exponent >> i).IsEven)
            {
                result *= this;
            }
        }

        return result;
    }

    public bool Equals(Fp12 other) => A.Equals(other.A) && B.Equals(other.B) && C.Equals(other.C);

    public override bool Equals(object? obj) => obj is Fp12 other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(A, B, C);

    public override string ToString() => $"[{A},{B},{C}]";
}
