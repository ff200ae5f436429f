using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Civitas.Authentication.Client.Crypto;

/// <summary>
/// AES-GCM (NIST SP 800-38D) with a nonce of any length. The IDA wire format uses 16-byte nonces, which .NET's
/// <see cref="AesGcm"/> refuses (12 bytes only), and this library depends on nothing but the BCL, so it carries the
/// algorithm itself: J0 = GHASH(IV ‖ pad ‖ [len(IV)]₆₄) (or IV ‖ 0³¹1 for 12-byte IVs), CTR from inc32(J0) with
/// AES-ECB blocks, tag = E(K, J0) ⊕ GHASH(A ‖ pad ‖ C ‖ pad ‖ [len(A)]₆₄ ‖ [len(C)]₆₄). 16-byte tags only.
/// GHASH multiplies with masks rather than branching on secret bits.
/// </summary>
internal static class GcmAnyNonce
{
    public const int TagSize = 16;
    private const int Block = 16;

    /// <summary>Returns ciphertext ‖ tag.</summary>
    public static byte[] Encrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> aad)
    {
        if (nonce.IsEmpty)
        {
            throw new ArgumentException("The GCM nonce must not be empty.", nameof(nonce));
        }

        using var aes = CreateAes(key);
        var (h, j0) = Setup(aes, nonce);
        var output = new byte[plaintext.Length + TagSize];
        Ctr(aes, j0, plaintext, output.AsSpan(0, plaintext.Length));
        ComputeTag(aes, h, j0, aad, output.AsSpan(0, plaintext.Length), output.AsSpan(plaintext.Length));
        return output;
    }

    /// <summary>Opens ciphertext ‖ tag; throws <see cref="AuthenticationTagMismatchException"/> when it was altered.</summary>
    public static byte[] Decrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertextAndTag, ReadOnlySpan<byte> aad)
    {
        if (nonce.IsEmpty)
        {
            throw new ArgumentException("The GCM nonce must not be empty.", nameof(nonce));
        }

        if (ciphertextAndTag.Length < TagSize)
        {
            throw new CryptographicException("The GCM data is shorter than its tag.");
        }

        using var aes = CreateAes(key);
        var (h, j0) = Setup(aes, nonce);
        var ciphertext = ciphertextAndTag[..^TagSize];
        Span<byte> expected = stackalloc byte[TagSize];
        ComputeTag(aes, h, j0, aad, ciphertext, expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, ciphertextAndTag[^TagSize..]))
        {
            throw new AuthenticationTagMismatchException();
        }

        var plaintext = new byte[ciphertext.Length];
        Ctr(aes, j0, ciphertext, plaintext);
        return plaintext;
    }

    private static Aes CreateAes(ReadOnlySpan<byte> key)
    {
        if (key.Length is not (16 or 24 or 32))
        {
            throw new ArgumentException("An AES key is 16, 24 or 32 bytes.", nameof(key));
        }

        var aes = Aes.Create();
        aes.Key = key.ToArray();
        return aes;
    }

    private static (Ghash H, byte[] J0) Setup(Aes aes, ReadOnlySpan<byte> nonce)
    {
        var h = new Ghash(aes.EncryptEcb(new byte[Block], PaddingMode.None));
        var j0 = new byte[Block];
        if (nonce.Length == 12)
        {
            nonce.CopyTo(j0);
            j0[15] = 1;
            return (h, j0);
        }

        var state = new GhashState(h);
        state.Absorb(nonce);
        Span<byte> lengths = stackalloc byte[Block];
        BinaryPrimitives.WriteUInt64BigEndian(lengths[8..], (ulong)nonce.Length * 8);
        state.Absorb(lengths);
        state.Result(j0);
        return (h, j0);
    }

    private static void Ctr(Aes aes, ReadOnlySpan<byte> j0, ReadOnlySpan<byte> input, Span<byte> output)
    {
        if (input.IsEmpty)
        {
            return;
        }

        var blocks = (input.Length + Block - 1) / Block;
        var counters = new byte[blocks * Block];
        var counter = BinaryPrimitives.ReadUInt32BigEndian(j0[12..]);
        for (var i = 0; i < blocks; i++)
        {
            var slot = counters.AsSpan(i * Block, Block);
            j0[..12].CopyTo(slot);
            counter = unchecked(counter + 1); // inc32: only the low 32 bits count, wrapping
            BinaryPrimitives.WriteUInt32BigEndian(slot[12..], counter);
        }

        var keystream = aes.EncryptEcb(counters, PaddingMode.None);
        for (var i = 0; i < input.Length; i++)
        {
            output[i] = (byte)(input[i] ^ keystream[i]);
        }
    }

    private static void ComputeTag(Aes aes, Ghash h, byte[] j0, ReadOnlySpan<byte> aad, ReadOnlySpan<byte> ciphertext, Span<byte> tag)
    {
        var state = new GhashState(h);
        state.Absorb(aad);
        state.Absorb(ciphertext);
        Span<byte> lengths = stackalloc byte[Block];
        BinaryPrimitives.WriteUInt64BigEndian(lengths, (ulong)aad.Length * 8);
        BinaryPrimitives.WriteUInt64BigEndian(lengths[8..], (ulong)ciphertext.Length * 8);
        state.Absorb(lengths);
        Span<byte> s = stackalloc byte[Block];
        state.Result(s);
        var encryptedJ0 = aes.EncryptEcb(j0, PaddingMode.None);
        for (var i = 0; i < Block; i++)
        {
            tag[i] = (byte)(encryptedJ0[i] ^ s[i]);
        }
    }

    /// <summary>The hash subkey H as two big-endian halves.</summary>
    private sealed class Ghash(byte[] h)
    {
        public ulong High { get; } = BinaryPrimitives.ReadUInt64BigEndian(h);

        public ulong Low { get; } = BinaryPrimitives.ReadUInt64BigEndian(h.AsSpan(8));
    }

    /// <summary>Running GHASH: Y = (Y ⊕ X) · H per block; each absorbed input is zero-padded to a block boundary.</summary>
    private sealed class GhashState(Ghash h)
    {
        private ulong _high;
        private ulong _low;

        public void Absorb(ReadOnlySpan<byte> data)
        {
            Span<byte> block = stackalloc byte[Block];
            for (var offset = 0; offset < data.Length; offset += Block)
            {
                block.Clear();
                var chunk = data[offset..Math.Min(offset + Block, data.Length)];
                chunk.CopyTo(block);
                _high ^= BinaryPrimitives.ReadUInt64BigEndian(block);
                _low ^= BinaryPrimitives.ReadUInt64BigEndian(block[8..]);
                Multiply();
            }
        }

        public void Result(Span<byte> destination)
        {
            BinaryPrimitives.WriteUInt64BigEndian(destination, _high);
            BinaryPrimitives.WriteUInt64BigEndian(destination[8..], _low);
        }

        /// <summary>(_high,_low) · H in GF(2¹²⁸) with GCM's reflected bit order (SP 800-38D algorithm 1).</summary>
        private void Multiply()
        {
            ulong zHigh = 0, zLow = 0, vHigh = h.High, vLow = h.Low;
            for (var i = 0; i < 128; i++)
            {
                var bit = i < 64 ? (_high >> (63 - i)) & 1 : (_low >> (127 - i)) & 1;
                var take = 0UL - bit;
                zHigh ^= vHigh & take;
                zLow ^= vLow & take;
                var carry = 0UL - (vLow & 1);
                vLow = (vLow >> 1) | (vHigh << 63);
                vHigh = (vHigh >> 1) ^ (0xE100000000000000UL & carry);
            }

            _high = zHigh;
            _low = zLow;
        }
    }
}
