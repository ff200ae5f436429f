using System.Numerics;
using System.Runtime.CompilerServices;

namespace Civitas.Pairing;

/// <summary>GF(p²) = GF(p)[i]/(i² + 1); the value is A + B·i.</summary>
internal readonly struct Fp2 : IEquatable<Fp2>
{
    public readonly Fp A;
    public readonly Fp B;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fp2(in Fp a, in Fp b)
    {
        A = a;
        B = b;
    }

    public static Fp2 Zero => default;

    public static Fp2 One => new(Fp.One, Fp.Zero);

    /// <summary>ξ = 1 + i, the non-residue that defines the tower (j² = ξ) and the twist (b' = 2/ξ).</summary>
    public static Fp2 Xi => new(Fp.One, Fp.One);

    public bool IsZero => A.IsZero && B.IsZero;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2 operator +(in Fp2 x, in Fp2 y) => new(x.A + y.A, x.B + y.B);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2 operator -(in Fp2 x, in Fp2 y) => new(x.A - y.A, x.B - y.B);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2 operator -(in Fp2 x) => new(-x.A, -x.B);

    /// <summary>Karatsuba: three base-field multiplications.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2 operator *(in Fp2 x, in Fp2 y)
    {
        var v0 = x.A * y.A;
        var v1 = x.B * y.B;
        var mixed = (x.A + x.B) * (y.A + y.B);
        return new Fp2(v0 - v1, mixed - v0 - v1);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp2 operator *(in Fp2 x, in Fp k) => new(x.A * k, x.B * k);

    /// <summary>(a + bi)² = (a + b)(a - b) + 2ab·i: two multiplications.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fp2 Square()
    {
        var ab = A * B;
        return new Fp2((A + B) * (A - B), ab.Double());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fp2 Double() => new(A.Double(), B.Double());

    public Fp2 Conjugate() => new(A, -B);

    /// <summary>Multiplication by ξ = 1 + i: (a - b) + (a + b)i.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fp2 MulByXi() => new(A - B, A + B);

    /// <summary>Division by ξ = 1 + i: (a + bi)(1 - i)/2.</summary>
    public Fp2 DivByXi() => new((A + B).Half(), (B - A).Half());

    public Fp2 Half() => new(A.Half(), B.Half());

    public Fp2 MulByI() => new(-B, A);

    public Fp2 MulBySmall(ulong k)
    {
        var factor = Fp.FromUInt64(k);
        return new Fp2(A * factor, B * factor);
    }

    /// <summary>1/(a + bi) = (a - bi)/(a² + b²); 0 maps to 0.</summary>
    public Fp2 Invert()
    {
        var norm = (A.Square() + B.Square()).Invert();
        return new Fp2(A * norm, -(B * norm));
    }

    /// <summary>thisᵉ for a public exponent.</summary>
    public Fp2 Pow(BigInteger exponent)
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

    /// <summary>
    /// A square root in GF(p²) when one exists, via the norm: for x = a + bi with n = √(a² + b²),
    /// a root is c + di with c² = (a ± n)/2 and d = b/(2c). Used on public values only.
    /// </summary>
    public bool TrySqrt(out Fp2 root)
    {
        root = Zero;
        if (IsZero)
        {
            return true;
        }

        if (!(A.Square() + B.Square()).TrySqrt(out var n))
        {
            return false;
        }

        if (!(A + n).Half().TrySqrt(out var c))
        {
            if (!(A - n).Half().TrySqrt(out c))
            {
                return false;
            }
        }

        if (c.IsZero)
        {
            // b = 0 and a is a non-square in GF(p): root is √(-a)·i.
            if (!(-A).TrySqrt(out var d))
            {
                return false;
            }

            root = new Fp2(Fp.Zero, d);
            return root.Square().Equals(this);
        }

        root = new Fp2(c, B * c.Double().Invert());
        return root.Square().Equals(this);
    }

    public static Fp2 Select(ulong mask, in Fp2 x, in Fp2 y) => new(Fp.Select(mask, x.A, y.A), Fp.Select(mask, x.B, y.B));

    public bool Equals(Fp2 other) => A.Equals(other.A) && B.Equals(other.B);

    public override bool Equals(object? obj) => obj is Fp2 other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(A, B);

    public override string ToString() => $"[{A},{B}]";
}
