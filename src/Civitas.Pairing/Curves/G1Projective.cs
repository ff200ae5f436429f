using System.Runtime.CompilerServices;

namespace Civitas.Pairing;

/// <summary>
/// A point of E: y² = x³ + 2 over GF(p) in homogeneous projective coordinates (X : Y : Z), identity (0 : 1 : 0).
/// Uses the complete formulas of Renes, Costello and Batina (2016, algorithms 7 and 9 for a = 0): no special
/// cases for the identity or doubling, so the same instructions run whatever the operands are.
/// </summary>
internal readonly struct G1Projective
{
    public readonly Fp X;
    public readonly Fp Y;
    public readonly Fp Z;

    public G1Projective(in Fp x, in Fp y, in Fp z)
    {
        X = x;
        Y = y;
        Z = z;
    }

    public static G1Projective Identity => new(Fp.Zero, Fp.One, Fp.Zero);

    public static G1Projective FromAffine(in Fp x, in Fp y) => new(x, y, Fp.One);

    public bool IsIdentity => Z.IsZero;

    /// <summary>3b = 6, by additions.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Fp TimesB3(in Fp t)
    {
        var two = t.Double();
        return (two + t).Double();
    }

    public static G1Projective Add(in G1Projective p, in G1Projective q)
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
        return new G1Projective(x3, y3, z3);
    }

    public static G1Projective Double(in G1Projective p)
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
        return new G1Projective(x3, y3, z3);
    }

    public G1Projective Negate() => new(X, -Y, Z);

    public static G1Projective Select(ulong mask, in G1Projective a, in G1Projective b) =>
        new(Fp.Select(mask, a.X, b.X), Fp.Select(mask, a.Y, b.Y), Fp.Select(mask, a.Z, b.Z));

    /// <summary>
    /// k·P for a secret k without the endomorphism: 4-bit fixed windows over all 256 bits, each table entry
    /// read by scanning the whole table with masks, so neither branches nor memory addresses depend on k.
    /// The library multiplies with <see cref="MultiplyGlv"/>; this simpler path is the reference the tests
    /// compare it with.
    /// </summary>
    public static G1Projective Multiply(in G1Projective p, in Scalar k)
    {
        Span<G1Projective> table = stackalloc G1Projective[16];
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
    /// k·P for a secret k with GLV: k = k1 + k2·λ, so k·P = k1·P + k2·φ(P), φ(X : Y : Z) = (βX : Y : Z).
    /// 33 four-bit windows over both half-size scalars; signs are applied by masked negation and every
    /// table entry is read by a full masked scan, so the work and memory accesses do not depend on k.
    /// </summary>
    public static G1Projective MultiplyGlv(in G1Projective p, in Scalar k)
    {
        Glv.Decompose(k, out var k1, out var negative1, out var k2, out var negative2);

        Span<G1Projective> table1 = stackalloc G1Projective[16];
        Span<G1Projective> table2 = stackalloc G1Projective[16];
        table1[0] = Identity;
        table1[1] = p;
        for (var i = 2; i < 16; i++)
        {
            table1[i] = (i & 1) == 0 ? Double(table1[i / 2]) : Add(table1[i - 1], p);
        }

        for (var i = 0; i < 16; i++)
        {
            var entry = table1[i];
            var negativeY = -entry.Y;
            table1[i] = new G1Projective(entry.X, Fp.Select(negative1, negativeY, entry.Y), entry.Z);
            table2[i] = new G1Projective(entry.X * Glv.Beta, Fp.Select(negative2, negativeY, entry.Y), entry.Z);
        }

        var acc = Identity;
        for (var window = (Glv.Bits / 4) - 1; window >= 0; window--)
        {
            acc = Double(Double(Double(Double(acc))));
            acc = Add(acc, ScanTable(table1, (uint)k1.Nibble(window * 4)));
            acc = Add(acc, ScanTable(table2, (uint)k2.Nibble(window * 4)));
        }

        return acc;
    }

    /// <summary>Reads table[digit] by touching every entry and keeping the match with a mask.</summary>
    private static G1Projective ScanTable(ReadOnlySpan<G1Projective> table, uint digit)
    {
        var chosen = Identity;
        for (var i = 0; i < table.Length; i++)
        {
            var mask = 0UL - ((((ulong)((uint)i ^ digit)) - 1) >> 63);
            chosen = Select(mask, table[i], chosen);
        }

        return chosen;
    }

    /// <summary>
    /// Public-data fast path: k·P by width-5 NAF with variable-time control flow. Only for multipliers that
    /// are public (the M-Pin challenge y, the order r); secret scalars must use <see cref="Multiply"/>.
    /// </summary>
    public static G1Projective MultiplyPublic(in G1Projective p, in Arithmetic.U256 k)
    {
        Span<G1Projective> odd = stackalloc G1Projective[8];
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

    /// <summary>Projective equality: X1·Z2 = X2·Z1 and Y1·Z2 = Y2·Z1.</summary>
    public bool EqualsPoint(in G1Projective other) =>
        (X * other.Z).Equals(other.X * Z) && (Y * other.Z).Equals(other.Y * Z);

    public (Fp X, Fp Y)? ToAffine()
    {
        if (IsIdentity)
        {
            return null;
        }

        var zInverse = Z.Invert();
        return (X * zInverse, Y * zInverse);
    }
}
