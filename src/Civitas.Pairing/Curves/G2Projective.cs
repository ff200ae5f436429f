using System.Runtime.CompilerServices;

namespace Civitas.Pairing;

/// <summary>
/// A point of the twist E': y² = x³ + (1 - i) over GF(p²) in homogeneous projective coordinates, identity (0 : 1 : 0).
/// Same complete Renes–Costello–Batina formulas as <see cref="G1Projective"/>, with 3b' = 3 - 3i.
/// </summary>
internal readonly struct G2Projective
{
    public readonly Fp2 X;
    public readonly Fp2 Y;
    public readonly Fp2 Z;

    public G2Projective(in Fp2 x, in Fp2 y, in Fp2 z)
    {
        X = x;
        Y = y;
        Z = z;
    }

    public static G2Projective Identity => new(Fp2.Zero, Fp2.One, Fp2.Zero);

    public static G2Projective FromAffine(in Fp2 x, in Fp2 y) => new(x, y, Fp2.One);

    public bool IsIdentity => Z.IsZero;

    /// <summary>(3 - 3i)(a + bi) = 3(a + b) + 3(b - a)i.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static Fp2 TimesB3(in Fp2 t)
    {
        var s = t.A + t.B;
        var d = t.B - t.A;
        return new Fp2(s.Double() + s, d.Double() + d);
    }

    public static G2Projective Add(in G2Projective p, in G2Projective q)
    {
        var t0 = p.X * q.X;
        var t1 = p.Y * q.Y;
        var t2 = p.Z * q.Z;
        var t3 = (p.X + p.Y) * (q.X + q.Y);
        var t4 = t0 + t1;
        t3 -= t4;
        t4 = (p.Y + p.Z) * (q.Y + q.Z);
        var x3 = t1 + t2;
        t4 -= x3;
        x3 = (p.X + p.Z) * (q.X + q.Z);
        var y3 = t0 + t2;
        y3 = x3 - y3;
        x3 = t0.Double();
        t0 = x3 + t0;
        t2 = TimesB3(t2);
        var z3 = t1 + t2;
        t1 -= t2;
        y3 = TimesB3(y3);
        x3 = t4 * y3;
        t2 = t3 * t1;
        x3 = t2 - x3;
        y3 *= t0;
        t1 *= z3;
        y3 = t1 + y3;
        t0 *= t3;
        z3 *= t4;
        z3 += t0;
        return new G2Projective(x3, y3, z3);
    }

    public static G2Projective Double(in G2Projective p)
    {
        var t0 = p.Y.Square();
        var z3 = t0.Double().Double().Double();
        var t1 = p.Y * p.Z;
        var t2 = TimesB3(p.Z.Square());
        var x3 = t2 * z3;
        var y3 = t0 + t2;
        z3 = t1 * z3;
        t1 = t2.Double();
        t2 = t1 + t2;
        t0 -= t2;
        y3 = t0 * y3;
        y3 = x3 + y3;
        t1 = p.X * p.Y;
        x3 = (t0 * t1).Double();
        return new G2Projective(x3, y3, z3);
    }

    public G2Projective Negate() => new(X, -Y, Z);

    public static G2Projective Select(ulong mask, in G2Projective a, in G2Projective b) =>
        new(Fp2.Select(mask, a.X, b.X), Fp2.Select(mask, a.Y, b.Y), Fp2.Select(mask, a.Z, b.Z));

    /// <summary>k·P for a secret k; fixed 4-bit windows with masked table scans (see <see cref="G1Projective.Multiply"/>).</summary>
    public static G2Projective Multiply(in G2Projective p, in Scalar k)
    {
        Span<G2Projective> table = stackalloc G2Projective[16];
        table[0] = Identity;
        table[1] = p;
        for (var i = 2; i < 16; i++)
        {
            table[i] = (i & 1) == 0 ? Double(table[i / 2]) : Add(table[i - 1], p);
        }

        var acc = Identity;
        for (var window = 63; window >= 0; window--)
        {
            acc = Double(Double(Double(Double(acc))));
            var digit = (uint)k.Value.Nibble(window * 4);
            var chosen = Identity;
            for (var i = 0; i < 16; i++)
            {
                var mask = 0UL - ((((ulong)((uint)i ^ digit)) - 1) >> 63);
                chosen = Select(mask, table[i], chosen);
            }

            acc = Add(acc, chosen);
        }

        return acc;
    }

    /// <summary>
    /// Public-data fast path: k·P by width-5 NAF with variable-time control flow. Used only for public
    /// multipliers, such as the subgroup check r·Q = O on decoded points.
    /// </summary>
    public static G2Projective MultiplyPublic(in G2Projective p, in Arithmetic.U256 k)
    {
        Span<G2Projective> odd = stackalloc G2Projective[8];
        odd[0] = p;
        var twice = Double(p);
        for (var i = 1; i < 8; i++)
        {
            odd[i] = Add(odd[i - 1], twice);
        }

        Span<sbyte> digits = stackalloc sbyte[WindowNaf.MaxDigits];
        var count = WindowNaf.Digits(k, 5, digits);
        var acc = Identity;
        for (var i = count - 1; i >= 0; i--)
        {
            acc = Double(acc);
            int d = digits[i];
            if (d > 0)
            {
                acc = Add(acc, odd[d >> 1]);
            }
            else if (d < 0)
            {
                acc = Add(acc, odd[(-d) >> 1].Negate());
            }
        }

        return acc;
    }

    public bool EqualsPoint(in G2Projective other) =>
        (X * other.Z).Equals(other.X * Z) && (Y * other.Z).Equals(other.Y * Z);

    public (Fp2 X, Fp2 Y)? ToAffine()
    {
        if (IsIdentity)
        {
            return null;
        }

        var zInverse = Z.Invert();
        return (X * zInverse, Y * zInverse);
    }
}
