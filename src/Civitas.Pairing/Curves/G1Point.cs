namespace Civitas.Pairing;

/// <summary>
/// An affine point of G1 = E(GF(p)), E: y² = x³ + 2 (BN254CX). The cofactor of E is 1, so every point
/// on the curve lies in the order-r subgroup and the on-curve check is the whole subgroup check.
/// Milagro encoding: 04 | x | y, 65 bytes, big-endian coordinates.
/// </summary>
public sealed class G1Point : IEquatable<G1Point>
{
    public const int EncodedLength = 65;

    internal readonly Fp X;
    internal readonly Fp Y;

    private G1Point(in Fp x, in Fp y, bool isInfinity)
    {
        X = x;
        Y = y;
        IsInfinity = isInfinity;
    }

    public bool IsInfinity { get; }

    /// <summary>The generator (p - 1, 1).</summary>
    public static G1Point Generator { get; } = new(CurveConstants.G1X, CurveConstants.G1Y, false);

    public static G1Point Infinity { get; } = new(Fp.Zero, Fp.Zero, true);

    internal static bool IsOnCurve(in Fp x, in Fp y) => y.Square().Equals((x.Square() * x) + CurveConstants.B);

    /// <summary>Builds a point from affine coordinates, or returns false when they are not on the curve.</summary>
    internal static bool TryFromAffine(in Fp x, in Fp y, out G1Point point)
    {
        point = new G1Point(x, y, false);
        return IsOnCurve(x, y);
    }

    /// <summary>
    /// The point with abscissa x whose ordinate has the requested parity (Milagro's setxi), or false when
    /// x³ + 2 is not a square (or is zero). Only used on public data (hash-to-curve), so it may branch.
    /// </summary>
    internal static bool TryFromX(in Fp x, bool oddY, out G1Point point)
    {
        point = Infinity;
        var rhs = (x.Square() * x) + CurveConstants.B;
        if (rhs.IsZero || !rhs.TrySqrt(out var y))
        {
            return false;
        }

        if (y.IsOdd != oddY)
        {
            y = -y;
        }

        point = new G1Point(x, y, false);
        return true;
    }

    /// <summary>Decodes 04 | x | y; rejects other lengths or prefixes, coordinates ≥ p and points off the curve.</summary>
    public static G1Point Decode(ReadOnlySpan<byte> encoded)
    {
        if (encoded.Length != EncodedLength)
        {
            throw new PairingFormatException($"A G1 point is {EncodedLength} bytes (04|x|y), got {encoded.Length}.");
        }

        if (encoded[0] != 0x04)
        {
            throw new PairingFormatException($"A G1 point must start with 0x04 (uncompressed), got 0x{encoded[0]:x2}.");
        }

        var x = Fp.FromBytes(encoded.Slice(1, Fp.ByteLength));
        var y = Fp.FromBytes(encoded.Slice(1 + Fp.ByteLength, Fp.ByteLength));
        if (!IsOnCurve(x, y))
        {
            throw new PairingFormatException("The G1 point is not on the curve y² = x³ + 2.");
        }

        return new G1Point(x, y, false);
    }

    public byte[] Encode()
    {
        if (IsInfinity)
        {
            throw new InvalidOperationException("The point at infinity has no Milagro encoding.");
        }

        var bytes = new byte[EncodedLength];
        bytes[0] = 0x04;
        X.WriteBytes(bytes.AsSpan(1, Fp.ByteLength));
        Y.WriteBytes(bytes.AsSpan(1 + Fp.ByteLength, Fp.ByteLength));
        return bytes;
    }

    /// <summary>k·P for a 32-byte big-endian scalar (reduced mod r), in constant time with respect to k.</summary>
    public G1Point Multiply(ReadOnlySpan<byte> scalar) => Multiply(Scalar.FromBytes(scalar));

    internal G1Point Multiply(in Scalar k) => FromProjective(G1Projective.MultiplyGlv(ToProjective(), k));

    public static G1Point operator +(G1Point a, G1Point b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return FromProjective(G1Projective.Add(a.ToProjective(), b.ToProjective()));
    }

    public static G1Point operator -(G1Point a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return a.IsInfinity ? a : new G1Point(a.X, -a.Y, false);
    }

    public static G1Point operator -(G1Point a, G1Point b) => a + (-b);

    public G1Point Double() => FromProjective(G1Projective.Double(ToProjective()));

    internal G1Projective ToProjective() => IsInfinity ? G1Projective.Identity : G1Projective.FromAffine(X, Y);

    internal static G1Point FromProjective(in G1Projective p)
    {
        var affine = p.ToAffine();
        return affine is { } a ? new G1Point(a.X, a.Y, false) : Infinity;
    }

    public bool Equals(G1Point? other) =>
        other is not null && IsInfinity == other.IsInfinity && (IsInfinity || (X.Equals(other.X) && Y.Equals(other.Y)));

    public override bool Equals(object? obj) => Equals(obj as G1Point);

    public override int GetHashCode() => IsInfinity ? 0 : HashCode.Combine(X, Y);

    public override string ToString() => IsInfinity ? "infinity" : $"{X}:{Y}";
}
