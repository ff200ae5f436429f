using System.Numerics;
using Civitas.Pairing.Arithmetic;

namespace Civitas.Pairing;

/// <summary>
/// An integer modulo the group order r, kept as a plain (non-Montgomery) value for use as a multiplier.
/// Arithmetic goes through Montgomery form and is constant-time, because scalars are usually secret.
/// </summary>
internal readonly struct Scalar : IEquatable<Scalar>
{
    public const int ByteLength = 32;

    public readonly U256 Value;

    public Scalar(U256 value) => Value = value;

    /// <summary>The group order r.</summary>
    public static BigInteger Order { get; } = GroupOrderModulus.Modulus.ToBigInteger();

    public bool IsZero => Value.IsZero;

    /// <summary>Reads 32 big-endian bytes and reduces modulo r in constant time (as Milagro's BIG then mod r would).</summary>
    public static Scalar FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != ByteLength)
        {
            throw new PairingFormatException($"A scalar is {ByteLength} bytes, got {bytes.Length}.");
        }

        return new Scalar(Montgomery<GroupOrderModulus>.ReduceFull(U256.FromBigEndian(bytes)));
    }

    /// <summary>A small scalar such as a PIN; any 64-bit value is already below r, so no reduction (and no BigInteger).</summary>
    public static Scalar FromUInt64(ulong value) => new(new U256(value, 0, 0, 0));

    public static Scalar FromBigInteger(BigInteger value)
    {
        var reduced = BigInteger.Remainder(value, Order);
        if (reduced.Sign < 0)
        {
            reduced += Order;
        }

        return new Scalar(U256.FromBigInteger(reduced));
    }

    public BigInteger ToBigInteger() => Value.ToBigInteger();

    public byte[] ToBytes()
    {
        var bytes = new byte[ByteLength];
        Value.WriteBigEndian(bytes);
        return bytes;
    }

    public static Scalar operator +(in Scalar a, in Scalar b) => new(Montgomery<GroupOrderModulus>.Add(a.Value, b.Value));

    public static Scalar operator -(in Scalar a) => new(Montgomery<GroupOrderModulus>.Negate(a.Value));

    public static Scalar operator *(in Scalar a, in Scalar b)
    {
        // (a·R)·b·R⁻¹ = a·b: one operand enters Montgomery form, the product leaves it.
        var aMont = Montgomery<GroupOrderModulus>.ToMontgomery(a.Value);
        return new Scalar(Montgomery<GroupOrderModulus>.Multiply(aMont, b.Value));
    }

    /// <summary>Inverse modulo r by Fermat (fixed exponent, constant-time); zero maps to zero.</summary>
    public Scalar Invert()
    {
        var mont = Montgomery<GroupOrderModulus>.ToMontgomery(Value);
        return new Scalar(Montgomery<GroupOrderModulus>.FromMontgomery(Montgomery<GroupOrderModulus>.Invert(mont)));
    }

    public bool Equals(Scalar other) => Value.Equals(other.Value);

    public override bool Equals(object? obj) => obj is Scalar other && Equals(other);

    public override int GetHashCode() => Value.GetHashCode();
}
