namespace Civitas.Pairing;

/// <summary>An element of the target group GT ⊂ GF(p¹²)*, the output of <see cref="Pairing"/>.</summary>
public readonly struct Gt : IEquatable<Gt>
{
    internal readonly Fp12 Value;

    internal Gt(in Fp12 value) => Value = value;

    public static Gt One => new(Fp12.One);

    public bool IsOne => Value.IsOne;

    public static Gt operator *(in Gt a, in Gt b) => new(a.Value * b.Value);

    /// <summary>Inverse in GT (a conjugation, since GT lies in the cyclotomic subgroup).</summary>
    public Gt Invert() => new(Value.Conjugate());

    /// <summary>this^k for a 32-byte big-endian exponent (public-data path).</summary>
    public Gt Pow(ReadOnlySpan<byte> exponent) => new(Value.Pow(Scalar.FromBytes(exponent).ToBigInteger()));

    public bool Equals(Gt other) => Value.Equals(other.Value);

    public override bool Equals(object? obj) => obj is Gt other && Equals(other);

    public override int GetHashCode() => Value.GetHashCode();

    public static bool operator ==(Gt left, Gt right) => left.Equals(right);

    public static bool operator !=(Gt left, Gt right) => !left.Equals(right);
}
