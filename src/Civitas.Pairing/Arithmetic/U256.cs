using System.Buffers.Binary;
using System.Numerics;

namespace Civitas.Pairing.Arithmetic;

/// <summary>A 256-bit unsigned integer as four little-endian 64-bit limbs; the storage of every field element and scalar.</summary>
internal readonly struct U256 : IEquatable<U256>
{
    public readonly ulong L0;
    public readonly ulong L1;
    public readonly ulong L2;
    public readonly ulong L3;

    public U256(ulong l0, ulong l1, ulong l2, ulong l3)
    {
        L0 = l0;
        L1 = l1;
        L2 = l2;
        L3 = l3;
    }

    public static U256 Zero => default;

    public bool IsZero => (L0 | L1 | L2 | L3) == 0;

    /// <summary>Reads exactly 32 big-endian bytes.</summary>
    public static U256 FromBigEndian(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != 32)
        {
            throw new ArgumentException("A 256-bit value needs exactly 32 bytes.", nameof(bytes));
        }

        return new U256(
            BinaryPrimitives.ReadUInt64BigEndian(bytes[24..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[16..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes[8..]),
            BinaryPrimitives.ReadUInt64BigEndian(bytes));
    }

    public void WriteBigEndian(Span<byte> destination)
    {
        BinaryPrimitives.WriteUInt64BigEndian(destination, L3);
        BinaryPrimitives.WriteUInt64BigEndian(destination[8..], L2);
        BinaryPrimitives.WriteUInt64BigEndian(destination[16..], L1);
        BinaryPrimitives.WriteUInt64BigEndian(destination[24..], L0);
    }

    /// <summary>Bit <paramref name="index"/> (0 = least significant).</summary>
    public ulong Bit(int index)
    {
        var limb = (index >> 6) switch { 0 => L0, 1 => L1, 2 => L2, _ => L3 };
        return (limb >> (index & 63)) & 1;
    }

    /// <summary>Four bits starting at <paramref name="index"/>; index must be a multiple of 4, so a nibble never spans limbs.</summary>
    public int Nibble(int index)
    {
        var limb = (index >> 6) switch { 0 => L0, 1 => L1, 2 => L2, _ => L3 };
        return (int)((limb >> (index & 63)) & 0xF);
    }

    /// <summary>Variable-time comparison; only for public values.</summary>
    public static bool LessThan(in U256 a, in U256 b)
    {
        SubtractWithBorrow(a, b, out var borrow);
        return borrow != 0;
    }

    /// <summary>a - b with the borrow out (0 or 1); branch-free.</summary>
    public static U256 SubtractWithBorrow(in U256 a, in U256 b, out ulong borrow)
    {
        var r0 = a.L0 - b.L0;
        var c = (((~a.L0) & b.L0) | (~(a.L0 ^ b.L0) & r0)) >> 63;
        var r1 = a.L1 - b.L1 - c;
        c = (((~a.L1) & b.L1) | (~(a.L1 ^ b.L1) & r1)) >> 63;
        var r2 = a.L2 - b.L2 - c;
        c = (((~a.L2) & b.L2) | (~(a.L2 ^ b.L2) & r2)) >> 63;
        var r3 = a.L3 - b.L3 - c;
        borrow = (((~a.L3) & b.L3) | (~(a.L3 ^ b.L3) & r3)) >> 63;
        return new U256(r0, r1, r2, r3);
    }

    /// <summary>a + b with the carry out (0 or 1); branch-free.</summary>
    public static U256 AddWithCarry(in U256 a, in U256 b, out ulong carry)
    {
        var r0 = a.L0 + b.L0;
        var c = ((a.L0 & b.L0) | ((a.L0 | b.L0) & ~r0)) >> 63;
        var r1 = a.L1 + b.L1 + c;
        c = ((a.L1 & b.L1) | ((a.L1 | b.L1) & ~r1)) >> 63;
        var r2 = a.L2 + b.L2 + c;
        c = ((a.L2 & b.L2) | ((a.L2 | b.L2) & ~r2)) >> 63;
        var r3 = a.L3 + b.L3 + c;
        carry = ((a.L3 & b.L3) | ((a.L3 | b.L3) & ~r3)) >> 63;
        return new U256(r0, r1, r2, r3);
    }

    /// <summary>Returns <paramref name="a"/> when mask is all ones, <paramref name="b"/> when it is zero, without branching.</summary>
    public static U256 Select(ulong mask, in U256 a, in U256 b) => new(
        (a.L0 & mask) | (b.L0 & ~mask),
        (a.L1 & mask) | (b.L1 & ~mask),
        (a.L2 & mask) | (b.L2 & ~mask),
        (a.L3 & mask) | (b.L3 & ~mask));

    public static U256 FromBigInteger(BigInteger value)
    {
        if (value.Sign < 0 || value.GetBitLength() > 256)
        {
            throw new ArgumentOutOfRangeException(nameof(value));
        }

        Span<byte> bytes = stackalloc byte[32];
        bytes.Clear();
        value.TryWriteBytes(bytes, out _, isUnsigned: true, isBigEndian: false);
        return new U256(
            BinaryPrimitives.ReadUInt64LittleEndian(bytes),
            BinaryPrimitives.ReadUInt64LittleEndian(bytes[8..]),
            BinaryPrimitives.ReadUInt64LittleEndian(bytes[16..]),
            BinaryPrimitives.ReadUInt64LittleEndian(bytes[24..]));
    }

    public BigInteger ToBigInteger()
    {
        Span<byte> bytes = stackalloc byte[32];
        WriteBigEndian(bytes);
        return new BigInteger(bytes, isUnsigned: true, isBigEndian: true);
    }

    public bool Equals(U256 other) => ((L0 ^ other.L0) | (L1 ^ other.L1) | (L2 ^ other.L2) | (L3 ^ other.L3)) == 0;

    public override bool Equals(object? obj) => obj is U256 other && Equals(other);

    public override int GetHashCode() => HashCode.Combine(L0, L1, L2, L3);
}
