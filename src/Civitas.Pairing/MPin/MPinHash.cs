using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Civitas.Pairing.MPin;

/// <summary>The hashes of Milagro's M-Pin (v3, SHA-256): HASH_ID, hashit with a number prefix, and mapit to G1.</summary>
internal static class MPinHash
{
    /// <summary>HASH_ID: SHA-256 of the identity bytes.</summary>
    public static byte[] HashId(ReadOnlySpan<byte> id) => SHA256.HashData(id);

    /// <summary>
    /// hashit: SHA-256(be32(n) ‖ data), where the number is hashed only when n &gt; 0 (Milagro skips n = 0;
    /// time permits use n = date, one-pass and DVS use n = the time in seconds).
    /// </summary>
    public static byte[] HashWithNumber(uint n, ReadOnlySpan<byte> data)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        if (n > 0)
        {
            Span<byte> prefix = stackalloc byte[4];
            BinaryPrimitives.WriteUInt32BigEndian(prefix, n);
            hash.AppendData(prefix);
        }

        hash.AppendData(data);
        return hash.GetHashAndReset();
    }

    /// <summary>
    /// mapit: x = (32-byte hash as big-endian integer) mod p; while x³ + 2 is not a square, x += 1;
    /// y is the even square root. The cofactor of G1 is 1, so no clearing is needed.
    /// Identities and dates are public, so this may branch on them.
    /// </summary>
    public static G1Point MapToG1(ReadOnlySpan<byte> hash)
    {
        var x = Fp.FromBytesReduced(hash);
        while (true)
        {
            if (G1Point.TryFromX(x, oddY: false, out var point))
            {
                return point;
            }

            x += Fp.One;
        }
    }

    /// <summary>H(ID) = mapit(HASH_ID(id)).</summary>
    public static G1Point IdentityPoint(ReadOnlySpan<byte> id) => MapToG1(HashId(id));

    /// <summary>H(date ‖ H(ID)): the second point of a time permit.</summary>
    public static G1Point DatePoint(uint date, ReadOnlySpan<byte> hashedId) => MapToG1(HashWithNumber(date, hashedId));

    /// <summary>One-pass / DVS challenge y = SHA-256(be32(time) ‖ U ‖ message) mod r.</summary>
    public static Scalar Challenge(uint time, ReadOnlySpan<byte> u, ReadOnlySpan<byte> message)
    {
        var data = new byte[u.Length + message.Length];
        u.CopyTo(data);
        message.CopyTo(data.AsSpan(u.Length));
        return Scalar.FromBytes(HashWithNumber(time, data));
    }
}
