using System.Numerics;
using System.Runtime.CompilerServices;
using Civitas.Pairing.Arithmetic;

namespace Civitas.Pairing;

/// <summary>
/// An element of the BN254CX base field GF(p), held in Montgomery form in four 64-bit limbs.
/// All arithmetic is constant-time; only <see cref="Sqrt"/> callers and decoders branch on public facts.
/// </summary>
public readonly struct Fp : IEquatable<Fp>
{
    /// <summary>Number of bytes in the big-endian encoding.</summary>
    public const int ByteLength = 32;

    internal readonly U256 M;

    internal Fp(U256 montgomery) => M = montgomery;

    /// <summary>The field prime p.</summary>
    public static BigInteger Modulus { get; } = BaseFieldModulus.Modulus.ToBigInteger();

    public static Fp Zero => default;

    public static Fp One => new(BaseFieldModulus.One);

    public bool IsZero => M.IsZero;

    /// <summary>Decodes a 32-byte big-endian value; rejects values ≥ p (non-canonical encodings).</summary>
    public static Fp FromBytes(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length != ByteLength)
        {
            throw new PairingFormatException($"A field element is {ByteLength} bytes, got {bytes.Length}.");
        }

        var plain = U256.FromBigEndian(bytes);
        if (!Montgomery<BaseFieldModulus>.IsCanonical(plain))
        {
            throw new PairingFormatException("Field element is not below the modulus p (non-canonical encoding).");
        }

        return new Fp(Montgomery<BaseFieldModulus>.ToMontgomery(plain));
    }

    /// <summary>Reduces any 32-byte big-endian value modulo p (used where Milagro reduces, e.g. hash-to-curve).</summary>
    internal static Fp FromBytesReduced(ReadOnlySpan<byte> bytes) =>
        new(Montgomery<BaseFieldModulus>.ToMontgomery(Montgomery<BaseFieldModulus>.ReduceFull(U256.FromBigEndian(bytes))));

    public static Fp FromBigInteger(BigInteger value)
    {
        var reduced = BigInteger.Remainder(value, Modulus);
        if (reduced.Sign < 0)
        {
            reduced += Modulus;
        }

        return new Fp(Montgomery<BaseFieldModulus>.ToMontgomery(U256.FromBigInteger(reduced)));
    }

    public static Fp FromUInt64(ulong value) => new(Montgomery<BaseFieldModulus>.ToMontgomery(new U256(value, 0, 0, 0)));

    public BigInteger ToBigInteger() => Plain.ToBigInteger();

    internal U256 Plain => Montgomery<BaseFieldModulus>.FromMontgomery(M);

    public void WriteBytes(Span<byte> destination)
    {
        if (destination.Length < ByteLength)
        {
            throw new ArgumentException($"Need {ByteLength} bytes.", nameof(destination));
        }

        Plain.WriteBigEndian(destination);
    }

    public byte[] ToBytes()
    {
        var bytes = new byte[ByteLength];
        WriteBytes(bytes);
        return bytes;
    }

    /// <summary>True when the canonical value is odd (Milagro's "parity", used to pick a square root).</summary>
    public bool IsOdd => (Plain.L0 & 1) != 0;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp operator +(in Fp a, in Fp b) => new(FpArithmetic.Add(a.M, b.M));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp operator -(in Fp a, in Fp b) => new(FpArithmetic.Subtract(a.M, b.M));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp operator -(in Fp a) => new(FpArithmetic.Subtract(default, a.M));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static Fp operator *(in Fp a, in Fp b) => new(FpArithmetic.Multiply(a.M, b.M));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fp Square() => new(FpArithmetic.Multiply(M, M));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public Fp Double() => new(FpArithmetic.Add(M, M));

    /// <summary>this / 2.</summary>
    public Fp Half() => this * HalfConstant;

    /// <summary>Multiplicative inverse (0 maps to 0); constant-time.</summary>
    public Fp Invert() => PowFixed(InverseExponent);

    /// <summary>this^e for a public exponent.</summary>
    public Fp Pow(BigInteger exponent) => PowFixed(U256.FromBigInteger(exponent));

    /// <summary>
    /// Left-to-right square-and-multiply. The exponent is always public (p - 2, (p + 1)/4 or a caller's
    /// public value), so branching on its bits leaks nothing about this element.
    /// </summary>
    private Fp PowFixed(in U256 exponent)
    {
        var result = One;
        var started = false;
        for (var i = 255; i >= 0; i--)
        {
            if (started)
            {
                result = result.Square();
            }

            if (exponent.Bit(i) != 0)
            {
                result = started ? result * this : this;
                started = true;
            }
        }

        return result;
    }

    /// <summary>A square root if one exists (p ≡ 3 mod 4, so √a = a^((p+1)/4)); the root returned is not normalised.</summary>
    public bool TrySqrt(out Fp root)
    {
        root = PowFixed(SqrtExponent);
        return root.Square().Equals(this);
    }

    public Fp Sqrt() => TrySqrt(out var root) ? root : throw new ArithmeticException("Not a square in GF(p).");

    private static readonly U256 SqrtExponent = U256.FromBigInteger((Modulus + 1) / 4);

    private static readonly U256 InverseExponent = U256.FromBigInteger(Modulus - 2);

    private static readonly Fp HalfConstant = FromBigInteger((Modulus + 1) / 2);

    /// <summary>Constant-time choice: <paramref name="a"/> when <paramref name="mask"/> is all ones, <paramref name="b"/> when zero.</summary>
    internal static Fp Select(ulong mask, in Fp a, in Fp b) => new(U256.Select(mask, a.M, b.M));

    public bool Equals(Fp other) => M.Equals(other.M);

    public override bool Equals(object? obj) => obj is Fp other && Equals(other);

    public override int GetHashCode() => M.GetHashCode();

    public static bool operator ==(Fp left, Fp right) => left.Equals(right);

    public static bool operator !=(Fp left, Fp right) => !left.Equals(right);

    /// <summary>Upper-case, zero-padded 64-digit hex of the canonical value (for diagnostics and test output).</summary>
    public override string ToString() => Convert.ToHexString(ToBytes());
}
