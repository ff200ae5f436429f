using System.Numerics;
using System.Runtime.CompilerServices;

namespace Civitas.Pairing;

/// <summary>GF(p⁴) = GF(p²)[j]/(j² - ξ) with ξ = 1 + i (Milagro's tower); the value is A + B·j.</summary>
internal readonly struct Fp4 : IEquatable<Fp4>
{
    public readonly Fp2 A;
    public readonly Fp2 B;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fp4(in Fp2 a, in Fp2 b)
    {
        A = a;
        B = b;
    }

    public static Fp4 Zero => default;

    public static Fp4 One => new(Fp2.One, Fp2.Zero);

    public bool IsZero => A.IsZero && B.IsZero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp4 operator +(in Fp4 x, in Fp4 y) => new(x.A + y.A, x.B + y.B);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp4 operator -(in Fp4 x, in Fp4 y) => new(x.A - y.A, x.B - y.B);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp4 operator -(in Fp4 x) => new(-x.A, -x.B);

    /// <summary>Karatsuba over GF(p²): three GF(p²) multiplications.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp4 operator *(in Fp4 x, in Fp4 y)
    {
        var v0 = x.A * y.A;
        var v1 = x.B * y.B;
        var mixed = (x.A + x.B) * (y.A + y.B);
        return new Fp4(v0 + v1.MulByXi(), mixed - v0 - v1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp4 operator *(in Fp4 x, in Fp2 k) => new(x.A * k, x.B * k);

    /// <summary>(a + bj)² = a² + ξb² + 2ab·j, computed as (a + b)(a + ξb) - ab - ξab and 2ab.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fp4 Square()
    {
        var ab = A * B;
        var t = (A + B) * (A + B.MulByXi());
        return new Fp4(t - ab - ab.MulByXi(), ab.Double());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fp4 Double() => new(A.Double(), B.Double());

    /// <summary>a - bj (the GF(p⁴)/GF(p²) conjugate, x^(p²)).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fp4 Conjugate() => new(A, -B);

    /// <summary>-a + bj (Milagro's nconj).</summary>
    public Fp4 NegativeConjugate() => new(-A, B);

    /// <summary>Multiplication by j: (a + bj)j = ξb + aj.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fp4 MulByJ() => new(B.MulByXi(), A);

    public Fp4 MulBySmall(ulong k) => new(A.MulBySmall(k), B.MulBySmall(k));

    /// <summary>1/(a + bj) = (a - bj)/(a² - ξb²).</summary>
    public Fp4 Invert()
    {
        var norm = (A.Square() - B.Square().MulByXi()).Invert();
        return new Fp4(A * norm, -(B * norm));
    }

    public Fp4 Pow(BigInteger exponent)
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

    public static Fp4 Select(ulong mask, in Fp4 x, in Fp4 y) => new(Fp2.Select(mask, x.A, y.A), Fp2.Select(mask, x.B, y.B));

    public bool Equals(Fp4 other) => A.Equals(other.A) && B.Equals(other.B);

    public override bool Equals(object? obj) => obj is Fp4 other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(A, B);

    public override string ToString() => $"[{A},{B}]";
}
