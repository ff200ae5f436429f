using System.Security.Cryptography;

namespace Civitas.Pairing.MPin;

/// <summary>Random and caller-supplied scalars for the protocol.</summary>
internal static class Scalars
{
    /// <summary>Uniform in [1, r) by rejection sampling on 254-bit candidates (r &gt; 2²⁵³, so about half are kept).</summary>
    public static Scalar Random()
    {
        Span<byte> buffer = stackalloc byte[Scalar.ByteLength];
        while (true)
        {
            RandomNumberGenerator.Fill(buffer);
            buffer[0] &= 0x3F;
            var candidate = Arithmetic.U256.FromBigEndian(buffer);
            if (!candidate.IsZero && Arithmetic.Montgomery<Arithmetic.GroupOrderModulus>.IsCanonical(candidate))
            {
                CryptographicOperations.ZeroMemory(buffer);
                return new Scalar(candidate);
            }
        }
    }

    /// <summary>A caller's 32-byte scalar, or a fresh random one when none is given.</summary>
    public static Scalar OrRandom(ReadOnlySpan<byte> supplied) => supplied.IsEmpty ? Random() : Scalar.FromBytes(supplied);

    /// <summary>The PIN as a scalar, reduced modulo MAXPIN as the Trust clients do.</summary>
    public static Scalar Pin(int pin)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(pin);
        return Scalar.FromUInt64((ulong)(pin % MPinClient.MaxPin));
    }
}
