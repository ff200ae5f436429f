using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics.X86;

namespace Civitas.Pairing.Arithmetic;

/// <summary>
/// The hot path of GF(p): Montgomery multiplication, addition and subtraction written out limb by limb
/// with the modulus as immediate constants, every intermediate in a local so the JIT keeps it in registers.
/// (The generic <see cref="Montgomery{TModulus}"/> computes the same values and serves the scalar field.)
/// Branch-free: carries come from comparisons the JIT turns into setb, selections use masks.
/// </summary>
internal static class FpArithmetic
{
    private const ulong P0 = 0xbe6623ef5c1b55b3;
    private const ulong P1 = 0x243fd6ee18093ee1;
    private const ulong P2 = 0xb0bddf647a6366d3;
    private const ulong P3 = 0x2400000008702a0d;
    private const ulong NegativeInverse = 0xef4e205bf9789e85;

    /// <summary>High half of x·y (mulx with BMI2); the low half is the ordinary product x*y.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong MultiplyHigh(ulong x, ulong y) =>
        Bmi2.X64.IsSupported ? Bmi2.X64.MultiplyNoFlags(x, y) : Math.BigMul(x, y, out _);

    /// <summary>(hi, lo) = x·y + c.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (ulong Hi, ulong Lo) MulAdd(ulong x, ulong y, ulong c)
    {
        var lo = x * y;
        var hi = MultiplyHigh(x, y);
        var s = lo + c;
        return (hi + (s < lo ? 1UL : 0UL), s);
    }

    /// <summary>(hi, lo) = x·y + c + d; cannot overflow 128 bits.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (ulong Hi, ulong Lo) MulAdd(ulong x, ulong y, ulong c, ulong d)
    {
        var lo = x * y;
        var hi = MultiplyHigh(x, y);
        var s = lo + c;
        hi += s < lo ? 1UL : 0UL;
        var r = s + d;
        return (hi + (r < s ? 1UL : 0UL), r);
    }

    /// <summary>
    /// a·b·2⁻²⁵⁶ mod p by CIOS, unrolled. p's top limb is below 2⁶², so the running total fits in four
    /// limbs between rounds (the "no-carry" CIOS variant) and one conditional subtraction finishes.
    /// </summary>
    public static U256 Multiply(in U256 a, in U256 b)
    {
        ulong t0, t1, t2, t3, carryA, carryC, m, bj;
        var a0 = a.L0;
        var a1 = a.L1;
        var a2 = a.L2;
        var a3 = a.L3;

        bj = b.L0;
        (carryA, t0) = MulAdd(a0, bj, 0);
        m = t0 * NegativeInverse;
        (carryC, _) = MulAdd(m, P0, t0);
        (carryA, t1) = MulAdd(a1, bj, carryA);
        (carryC, t0) = MulAdd(m, P1, t1, carryC);
        (carryA, t2) = MulAdd(a2, bj, carryA);
        (carryC, t1) = MulAdd(m, P2, t2, carryC);
        (carryA, t3) = MulAdd(a3, bj, carryA);
        (carryC, t2) = MulAdd(m, P3, t3, carryC);
        t3 = carryC + carryA;

        bj = b.L1;
        (carryA, t0) = MulAdd(a0, bj, t0);
        m = t0 * NegativeInverse;
        (carryC, _) = MulAdd(m, P0, t0);
        (carryA, t1) = MulAdd(a1, bj, t1, carryA);
        (carryC, t0) = MulAdd(m, P1, t1, carryC);
        (carryA, t2) = MulAdd(a2, bj, t2, carryA);
        (carryC, t1) = MulAdd(m, P2, t2, carryC);
        (carryA, t3) = MulAdd(a3, bj, t3, carryA);
        (carryC, t2) = MulAdd(m, P3, t3, carryC);
        t3 = carryC + carryA;

        bj = b.L2;
        (carryA, t0) = MulAdd(a0, bj, t0);
        m = t0 * NegativeInverse;
        (carryC, _) = MulAdd(m, P0, t0);
        (carryA, t1) = MulAdd(a1, bj, t1, carryA);
        (carryC, t0) = MulAdd(m, P1, t1, carryC);
        (carryA, t2) = MulAdd(a2, bj, t2, carryA);
        (carryC, t1) = MulAdd(m, P2, t2, carryC);
        (carryA, t3) = MulAdd(a3, bj, t3, carryA);
        (carryC, t2) = MulAdd(m, P3, t3, carryC);
        t3 = carryC + carryA;

        bj = b.L3;
        (carryA, t0) = MulAdd(a0, bj, t0);
        m = t0 * NegativeInverse;
        (carryC, _) = MulAdd(m, P0, t0);
        (carryA, t1) = MulAdd(a1, bj, t1, carryA);
        (carryC, t0) = MulAdd(m, P1, t1, carryC);
        (carryA, t2) = MulAdd(a2, bj, t2, carryA);
        (carryC, t1) = MulAdd(m, P2, t2, carryC);
        (carryA, t3) = MulAdd(a3, bj, t3, carryA);
        (carryC, t2) = MulAdd(m, P3, t3, carryC);
        t3 = carryC + carryA;

        return ReduceOnce(t0, t1, t2, t3);
    }

    /// <summary>Subtracts p when the value is ≥ p (input below 2p), selecting by mask.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static U256 ReduceOnce(ulong t0, ulong t1, ulong t2, ulong t3)
    {
        var d0 = t0 - P0;
        var borrow = (((~t0) & P0) | (~(t0 ^ P0) & d0)) >> 63;
        var d1 = t1 - P1 - borrow;
        borrow = (((~t1) & P1) | (~(t1 ^ P1) & d1)) >> 63;
        var d2 = t2 - P2 - borrow;
        borrow = (((~t2) & P2) | (~(t2 ^ P2) & d2)) >> 63;
        var d3 = t3 - P3 - borrow;
        borrow = (((~t3) & P3) | (~(t3 ^ P3) & d3)) >> 63;

        // borrow = 1: t < p, keep t.
        var keep = 0UL - borrow;
        return new U256(
            (t0 & keep) | (d0 & ~keep),
            (t1 & keep) | (d1 & ~keep),
            (t2 & keep) | (d2 & ~keep),
            (t3 & keep) | (d3 & ~keep));
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static U256 Add(in U256 a, in U256 b)
    {
        // Both below p < 2²⁵⁴: the sum has no carry out of the top limb.
        var s0 = a.L0 + b.L0;
        var c = ((a.L0 & b.L0) | ((a.L0 | b.L0) & ~s0)) >> 63;
        var s1 = a.L1 + b.L1 + c;
        c = ((a.L1 & b.L1) | ((a.L1 | b.L1) & ~s1)) >> 63;
        var s2 = a.L2 + b.L2 + c;
        c = ((a.L2 & b.L2) | ((a.L2 | b.L2) & ~s2)) >> 63;
        var s3 = a.L3 + b.L3 + c;
        return ReduceOnce(s0, s1, s2, s3);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static U256 Subtract(in U256 a, in U256 b)
    {
        var d0 = a.L0 - b.L0;
        var borrow = (((~a.L0) & b.L0) | (~(a.L0 ^ b.L0) & d0)) >> 63;
        var d1 = a.L1 - b.L1 - borrow;
        borrow = (((~a.L1) & b.L1) | (~(a.L1 ^ b.L1) & d1)) >> 63;
        var d2 = a.L2 - b.L2 - borrow;
        borrow = (((~a.L2) & b.L2) | (~(a.L2 ^ b.L2) & d2)) >> 63;
        var d3 = a.L3 - b.L3 - borrow;
        borrow = (((~a.L3) & b.L3) | (~(a.L3 ^ b.L3) & d3)) >> 63;

        // On borrow add p back (masked, so no branch).
        var mask = 0UL - borrow;
        var r0 = d0 + (P0 & mask);
        var c = ((d0 & (P0 & mask)) | ((d0 | (P0 & mask)) & ~r0)) >> 63;
        var r1 = d1 + (P1 & mask) + c;
        c = ((d1 & (P1 & mask)) | ((d1 | (P1 & mask)) & ~r1)) >> 63;
        var r2 = d2 + (P2 & mask) + c;
        c = ((d2 & (P2 & mask)) | ((d2 | (P2 & mask)) & ~r2)) >> 63;
        var r3 = d3 + (P3 & mask) + c;
        return new U256(r0, r1, r2, r3);
    }
}
