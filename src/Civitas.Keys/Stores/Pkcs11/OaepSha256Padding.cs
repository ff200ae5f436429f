using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Civitas.Keys.Stores.Pkcs11;

/// <summary>
/// EME-OAEP decoding (RFC 8017 §7.1.2) with SHA-256 and MGF1-SHA-256, empty label, for a token that only
/// does raw RSA (SoftHSM 2.6 refuses OAEP with SHA-256). Every check runs over the whole block and the
/// result is a single failure, so timing and error text do not reveal which check failed (Manger's attack).
/// </summary>
internal static class OaepSha256Padding
{
    private const int HashLength = 32;

    // SHA-256 of the empty label.
    private static readonly byte[] EmptyLabelHash = SHA256.HashData([]);

    public static byte[] Decode(ReadOnlySpan<byte> encodedMessage, int modulusLength)
    {
        if (encodedMessage.Length > modulusLength || modulusLength < 2 * HashLength + 2)
        {
            throw new CryptographicException("OAEP decoding error.");
        }
        // Raw RSA output may drop leading zero bytes: restore the full k-byte block.
        var em = new byte[modulusLength];
        encodedMessage.CopyTo(em.AsSpan(modulusLength - encodedMessage.Length));
        try
        {
            var maskedSeed = em.AsSpan(1, HashLength);
            var maskedDb = em.AsSpan(1 + HashLength);
            Span<byte> seed = stackalloc byte[HashLength];
            Mgf1Sha256(maskedDb, seed);
            Xor(seed, maskedSeed);
            var db = new byte[maskedDb.Length];
            Mgf1Sha256(seed, db);
            Xor(db, maskedDb);

            uint bad = ConstantTime.NonZeroMask(em[0]);
            bad |= ~ConstantTime.EqualMask(CryptographicOperations.FixedTimeEquals(db.AsSpan(0, HashLength), EmptyLabelHash));

            uint stillInPadding = uint.MaxValue;
            int messageStart = 0;
            for (var i = HashLength; i < db.Length; i++)
            {
                uint isOne = ConstantTime.ByteEqualMask(db[i], 1);
                uint isZero = ConstantTime.ByteEqualMask(db[i], 0);
                messageStart = ConstantTime.Select(stillInPadding & isOne, i + 1, messageStart);
                bad |= stillInPadding & ~isOne & ~isZero;
                stillInPadding &= ~isOne;
            }
            bad |= stillInPadding;
            CryptographicOperations.ZeroMemory(seed);
            if (bad != 0)
            {
                CryptographicOperations.ZeroMemory(db);
                throw new CryptographicException("OAEP decoding error.");
            }
            var message = db.AsSpan(messageStart).ToArray();
            CryptographicOperations.ZeroMemory(db);
            return message;
        }
        finally
        {
            CryptographicOperations.ZeroMemory(em);
        }
    }

    private static void Mgf1Sha256(ReadOnlySpan<byte> seed, Span<byte> mask)
    {
        Span<byte> input = stackalloc byte[seed.Length + 4];
        seed.CopyTo(input);
        Span<byte> block = stackalloc byte[HashLength];
        for (uint counter = 0; mask.Length > 0; counter++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(input[seed.Length..], counter);
            SHA256.HashData(input, block);
            var take = Math.Min(HashLength, mask.Length);
            block[..take].CopyTo(mask);
            mask = mask[take..];
        }
    }

    private static void Xor(Span<byte> target, ReadOnlySpan<byte> other)
    {
        for (var i = 0; i < target.Length; i++)
        {
            target[i] ^= other[i];
        }
    }
}
