using System.Runtime.CompilerServices;

namespace Civitas.Pairing.Arithmetic;

/// <summary>
/// Montgomery arithmetic on four 64-bit limbs modulo <typeparamref name="TModulus"/>.
/// Every routine is branch-free in its operands, so it is safe for secret values.
/// Inputs and outputs are fully reduced (below the modulus).
/// </summary>
internal static class Montgomery<TModulus>
    where TModulus : struct, IModulus
{
    /// <summary>
    /// a·b·2⁻²⁵⁶ mod m with CIOS multiplication. Both moduli have a top limb below 2⁶² so the
    /// running total never needs a fifth limb (the "no-carry" variant of CIOS).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static U256 Multiply(in U256 a, in U256 b)
    {
        var q = TModulus.Modulus;
        var n = TModulus.NegativeInverse;
        ulong t0 = 0, t1 = 0, t2 = 0, t3 = 0;

        Round(a, b.L0, q, n, ref t0, ref t1, ref t2, ref t3);
        Round(a, b.L1, q, n, ref t0, ref t1, ref t2, ref t3);
        Round(a, b.L2, q, n, ref t0, ref t1, ref t2, ref t3);
        Round(a, b.L3, q, n, ref t0, ref t1, ref t2, ref t3);

        return SubtractModulusIfNeeded(new U256(t0, t1, t2, t3));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Round(in U256 a, ulong bj, in U256 q, ulong n, ref ulong t0, ref ulong t1, ref ulong t2, ref ulong t3)
    {
        var carryA = MultiplyAdd(a.L0, bj, t0, out t0);
        var m = t0 * n;
        var carryC = MultiplyAdd(m, q.L0, t0, out _);

        carryA = MultiplyAdd(a.L1, bj, t1, carryA, out t1);
        carryC = MultiplyAdd(m, q.L1, t1, carryC, out t0);

        carryA = MultiplyAdd(a.L2, bj, t2, carryA, out t2);
        carryC = MultiplyAdd(m, q.L2, t2, carryC, out t1);

        carryA = MultiplyAdd(a.L3, bj, t3, carryA, out t3);
        carryC = MultiplyAdd(m, q.L3, t3, carryC, out t2);

        t3 = carryC + carryA;
    }

    /// <summary>hi:lo = x·y + c.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MultiplyAdd(ulong x, ulong y, ulong c, out ulong lo)
    {
        var hi = Math.BigMul(x, y, out var l);
        lo = l + c;
        return hi + (lo < l ? 1UL : 0UL);
    }

    /// <summary>hi:lo = x·y + c + d (cannot overflow 128 bits).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MultiplyAdd(ulong x, ulong y, ulong c, ulong d, out ulong lo)
    {
        var hi = Math.BigMul(x, y, out var l);
        var s = l + c;
        hi += s < l ? 1UL : 0UL;
        lo = s + d;
        return hi + (lo < s ? 1UL : 0UL);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static U256 SubtractModulusIfNeeded(in U256 t)
    {
        var reduced = U256.SubtractWithBorrow(t, TModulus.Modulus, out var borrow);
        // borrow == 1 means t < m: keep t.
        return U256.Select(borrow - 1, reduced, t);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static U256 Add(in U256 a, in U256 b)
    {
        // a, b < m < 2^254, so the sum fits in 256 bits.
        var sum = U256.AddWithCarry(a, b, out _);
        return SubtractModulusIfNeeded(sum);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static U256 Subtract(in U256 a, in U256 b)
    {
        var difference = U256.SubtractWithBorrow(a, b, out var borrow);
        var corrected = U256.AddWithCarry(difference, TModulus.Modulus, out _);
        return U256.Select(0UL - borrow, corrected, difference);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static U256 Negate(in U256 a) => Subtract(U256.Zero, a);

    public static U256 ToMontgomery(in U256 a) => Multiply(a, TModulus.RSquared);

    public static U256 FromMontgomery(in U256 a) => Multiply(a, new U256(1, 0, 0, 0));

    /// <summary>True when the plain value is below the modulus (canonical encoding).</summary>
    public static bool IsCanonical(in U256 value) => U256.LessThan(value, TModulus.Modulus);

    /// <summary>
    /// Reduces any 256-bit value. The modulus exceeds 2²⁵³, so at most seven subtractions are needed;
    /// they are always performed, with selection by mask, so the timing does not depend on the value.
    /// </summary>
    public static U256 ReduceFull(in U256 value)
    {
        var v = value;
        for (var i = 0; i < 7; i++)
        {
            v = SubtractModulusIfNeeded(v);
        }

        return v;
    }

    /// <summary>aᵉ in Montgomery form for a public exponent (square-and-multiply; the exponent is never secret here).</summary>
    public static U256 PowPublic(in U256 a, in U256 exponent)
    {
        var result = TModulus.One;
        for (var i = 255; i >= 0; i--)
        {
            result = Multiply(result, result);
            if (exponent.Bit(i) != 0)
            {
                result = Multiply(result, a);
            }
        }

        return result;
    }

    /// <summary>a⁻¹ by Fermat's little theorem (a^(m-2)); the exponent is fixed, so the timing is independent of a. 0 maps to 0.</summary>
    public static U256 Invert(in U256 a)
    {
        var exponent = U256.SubtractWithBorrow(TModulus.Modulus, new U256(2, 0, 0, 0), out _);
        return PowPublic(a, exponent);
    }
}
