namespace Civitas.Pairing;

/// <summary>
/// An affine point of G2, the order-r subgroup of the D-type twist E': y² = x³ + 2/(1 + i) over GF(p²).
/// Milagro encoding: xa | xb | ya | yb, 128 bytes without a prefix (x = xa + xb·i).
/// Immutable; the Miller-loop line coefficients are computed once per point and cached, so a server key
/// that is reused (server secret, DVS public key, the generator) pays for them only once.
/// </summary>
public sealed class G2Point : IEquatable<G2Point>
{
    public const int EncodedLength = 128;

    internal readonly Fp2 X;
    internal readonly Fp2 Y;
    private G2Prepared? _prepared;

    private G2Point(in Fp2 x, in Fp2 y, bool isInfinity)
    {
        X = x;
        Y = y;
        IsInfinity = isInfinity;
    }

    public bool IsInfinity { get; }

    /// <summary>The Milagro BN254CX G2 generator Q.</summary>
    public static G2Point Generator { get; } = new(CurveConstants.G2X, CurveConstants.G2Y, false);

    public static G2Point Infinity { get; } = new(Fp2.Zero, Fp2.Zero, true);

    internal static bool IsOnCurve(in Fp2 x, in Fp2 y) => y.Square().Equals((x.Square() * x) + CurveConstants.TwistB);

    /// <summary>r·Q = O: the twist has a large cofactor, so on-curve points must also pass this check.</summary>
    internal static bool IsInSubgroup(in Fp2 x, in Fp2 y) =>
        G2Projective.MultiplyPublic(G2Projective.FromAffine(x, y), Arithmetic.GroupOrderModulus.Modulus).IsIdentity;

    internal static bool TryFromAffine(in Fp2 x, in Fp2 y, out G2Point point)
    {
        point = new G2Point(x, y, false);
        return IsOnCurve(x, y);
    }

    /// <summary>Decodes xa | xb | ya | yb; rejects wrong lengths, coordinates ≥ p, points off the twist or outside G2.</summary>
    public static G2Point Decode(ReadOnlySpan<byte> encoded)
    {
        if (encoded.Length != EncodedLength)
        {
            throw new PairingFormatException($"A G2 point is {EncodedLength} bytes (xa|xb|ya|yb), got {encoded.Length}.");
        }

        var x = new Fp2(Fp.FromBytes(encoded[..32]), Fp.FromBytes(encoded[32..64]));
        var y = new Fp2(Fp.FromBytes(encoded[64..96]), Fp.FromBytes(encoded[96..128]));
        if (!IsOnCurve(x, y))
        {
            throw new PairingFormatException("The G2 point is not on the twist y² = x³ + 2/(1+i).");
        }

        if (!IsInSubgroup(x, y))
        {
            throw new PairingFormatException("The G2 point is on the twist but not in the order-r subgroup.");
        }

        return new G2Point(x, y, false);
    }

    public byte[] Encode()
    {
        if (IsInfinity)
        {
            throw new InvalidOperationException("The point at infinity has no Milagro encoding.");
        }

        var bytes = new byte[EncodedLength];
        X.A.WriteBytes(bytes.AsSpan(0, 32));
        X.B.WriteBytes(bytes.AsSpan(32, 32));
        Y.A.WriteBytes(bytes.AsSpan(64, 32));
        Y.B.WriteBytes(bytes.AsSpan(96, 32));
        return bytes;
    }

    /// <summary>k·Q for a 32-byte big-endian scalar (reduced mod r), constant-time in k.</summary>
    public G2Point Multiply(ReadOnlySpan<byte> scalar) => Multiply(Scalar.FromBytes(scalar));

    internal G2Point Multiply(in Scalar k) => FromProjective(G2Projective.Multiply(ToProjective(), k));

    public static G2Point operator +(G2Point a, G2Point b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        return FromProjective(G2Projective.Add(a.ToProjective(), b.ToProjective()));
    }

    public static G2Point operator -(G2Point a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return a.IsInfinity ? a : new G2Point(a.X, -a.Y, false);
    }

    public static G2Point operator -(G2Point a, G2Point b) => a + (-b);

    public G2Point Double() => FromProjective(G2Projective.Double(ToProjective()));

    internal G2Prepared Prepared => _prepared ??= G2Prepared.Create(this);

    internal G2Projective ToProjective() => IsInfinity ? G2Projective.Identity : G2Projective.FromAffine(X, Y);

    internal static G2Point FromProjective(in G2Projective p)
    {
        var affine = p.ToAffine();
        return affine is { } a ? new G2Point(a.X, a.Y, false) : Infinity;
    }

    public bool Equals(G2Point? other) =>
        other is not null && IsInfinity == other.IsInfinity && (IsInfinity || (X.Equals(other.X) && Y.Equals(other.Y)));

    public override bool Equals(object? obj) => Equals(obj as G2Point);

    public override int GetHashCode() => IsInfinity ? 0 : HashCode.Combine(X, Y);

    public override string ToString() => IsInfinity ? "infinity" : $"{X.A}:{X.B}&{Y.A}:{Y.B}";
}
