using System.Buffers.Binary;
using System.Security.Cryptography;

namespace Civitas.Keys.Encryption;

/// <summary>
/// AES-GCM (NIST SP 800-38D, 128-bit tag) for any nonce length. MOSIP uses 16-byte nonces and
/// caller-chosen salts as nonces, which .NET's <see cref="AesGcm"/> (12 bytes only) refuses; 12-byte
/// nonces go to <see cref="AesGcm"/>, other lengths through this implementation of the same algorithm:
/// J0 = GHASH(IV ‖ pad ‖ len(IV)), CTR from inc32(J0) with AES-ECB blocks, tag = E(J0) ⊕ GHASH(A, C).
/// GHASH multiplies with masks, not branches on secret bits.
/// </summary>
public static class AesGcmAnyNonce
{
    public const int TagSize = 16;
    private const int BlockSize = 16;

    /// <summary>Returns <c>ciphertext ‖ tag</c>.</summary>
    public static byte[] Encrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> plaintext, ReadOnlySpan<byte> associatedData)
    {
        if (nonce.IsEmpty)
        {
            throw new CryptographicException("The GCM nonce must not be empty.");
        }
        var output = new byte[plaintext.Length + TagSize];
        if (nonce.Length == 12)
        {
            using var gcm = new AesGcm(key, TagSize);
            gcm.Encrypt(nonce, plaintext, output.AsSpan(0, plaintext.Length), output.AsSpan(plaintext.Length), associatedData);
            return output;
        }
        using var aes = Aes.Create();
        aes.Key = key.ToArray();
        var h = aes.EncryptEcb(new byte[BlockSize], PaddingMode.None);
        var j0 = DeriveJ0(h, nonce);
        Ctr(aes, j0, plaintext, output.AsSpan(0, plaintext.Length));
        ComputeTag(aes, h, j0, associatedData, output.AsSpan(0, plaintext.Length), output.AsSpan(plaintext.Length));
        return output;
    }

    /// <summary>Opens <c>ciphertext ‖ tag</c>; throws <see cref="AuthenticationTagMismatchException"/> when it was altered or the key/nonce/AAD is wrong.</summary>
    public static byte[] Decrypt(ReadOnlySpan<byte> key, ReadOnlySpan<byte> nonce, ReadOnlySpan<byte> ciphertextAndTag, ReadOnlySpan<byte> associatedData)
    {
        if (nonce.IsEmpty || ciphertextAndTag.Length < TagSize)
        {
            throw new CryptographicException("GCM input is too short.");
        }
        var ciphertext = ciphertextAndTag[..^TagSize];
        var tag = ciphertextAndTag[^TagSize..];
        var plaintext = new byte[ciphertext.Length];
        if (nonce.Length == 12)
        {
            using var gcm = new AesGcm(key, TagSize);
            gcm.Decrypt(nonce, ciphertext, tag, plaintext, associatedData);
            return plaintext;
        }
        using var aes = Aes.Create();
        aes.Key = key.ToArray();
        var h = aes.EncryptEcb(new byte[BlockSize], PaddingMode.None);
        var j0 = DeriveJ0(h, nonce);
        Span<byte> expected = stackalloc byte[TagSize];
        ComputeTag(aes, h, j0, associatedData, ciphertext, expected);
        if (!CryptographicOperations.FixedTimeEquals(expected, tag))
        {
            throw new AuthenticationTagMismatchException();
        }
        Ctr(aes, j0, ciphertext, plaintext);
        return plaintext;
    }

    private static byte[] DeriveJ0(ReadOnlySpan<byte> h, ReadOnlySpan<byte> nonce)
    {
        var ghash = new Ghash(h);
        ghash.Update(nonce);
        Span<byte> lengths = stackalloc byte[BlockSize];
        BinaryPrimitives.WriteUInt64BigEndian(lengths[8..], (ulong)nonce.Length * 8);
        ghash.UpdateBlock(lengths);
        return ghash.Result();
    }

    private static void Ctr(Aes aes, ReadOnlySpan<byte> j0, ReadOnlySpan<byte> input, Span<byte> output)
    {
        var blocks = (input.Length + BlockSize - 1) / BlockSize;
        if (blocks == 0)
        {
            return;
        }
        var counters = new byte[blocks * BlockSize];
        var counter = BinaryPrimitives.ReadUInt32BigEndian(j0[12..]);
        for (var i = 0; i < blocks; i++)
        {
            var block = counters.AsSpan(i * BlockSize, BlockSize);
            j0[..12].CopyTo(block);
            BinaryPrimitives.WriteUInt32BigEndian(block[12..], unchecked(counter + (uint)i + 1));
        }
        var keystream = aes.EncryptEcb(counters, PaddingMode.None);
        for (var i = 0; i < input.Length; i++)
        {
            output[i] = (byte)(input[i] ^ keystream[i]);
        }
        CryptographicOperations.ZeroMemory(keystream);
    }

    private static void ComputeTag(Aes aes, ReadOnlySpan<byte> h, byte[] j0, ReadOnlySpan<byte> aad, ReadOnlySpan<byte> ciphertext, Span<byte> tag)
    {
        var ghash = new Ghash(h);
        ghash.Update(aad);
        ghash.Update(ciphertext);
        Span<byte> lengths = stackalloc byte[BlockSize];
        BinaryPrimitives.WriteUInt64BigEndian(lengths, (ulong)aad.Length * 8);
        BinaryPrimitives.WriteUInt64BigEndian(lengths[8..], (ulong)ciphertext.Length * 8);
        ghash.UpdateBlock(lengths);
        var s = ghash.Result();
        var encryptedJ0 = aes.EncryptEcb(j0, PaddingMode.None);
        for (var i = 0; i < TagSize; i++)
        {
            tag[i] = (byte)(s[i] ^ encryptedJ0[i]);
        }
    }

    /// <summary>GHASH over 128-bit blocks; each input is zero-padded to a block boundary, as GCM requires.</summary>
    private sealed class Ghash
    {
        private readonly ulong _hHigh;
        private readonly ulong _hLow;
        private ulong _yHigh;
        private ulong _yLow;

        public Ghash(ReadOnlySpan<byte> h)
        {
            _hHigh = BinaryPrimitives.ReadUInt64BigEndian(h);
            _hLow = BinaryPrimitives.ReadUInt64BigEndian(h[8..]);
        }

        public void Update(ReadOnlySpan<byte> data)
        {
            Span<byte> block = stackalloc byte[BlockSize];
            while (data.Length >= BlockSize)
            {
                UpdateBlock(data[..BlockSize]);
                data = data[BlockSize..];
            }
            if (!data.IsEmpty)
            {
                block.Clear();
                data.CopyTo(block);
                UpdateBlock(block);
            }
        }

        public void UpdateBlock(ReadOnlySpan<byte> block)
        {
            _yHigh ^= BinaryPrimitives.ReadUInt64BigEndian(block);
            _yLow ^= BinaryPrimitives.ReadUInt64BigEndian(block[8..]);
            Multiply();
        }

        public byte[] Result()
        {
            var result = new byte[BlockSize];
            BinaryPrimitives.WriteUInt64BigEndian(result, _yHigh);
            BinaryPrimitives.WriteUInt64BigEndian(result.AsSpan(8), _yLow);
            return result;
        }

        // Y = Y · H in GF(2^128) with GCM's bit order (SP 800-38D algorithm 1), branch-free.
        private void Multiply()
        {
            ulong zHigh = 0, zLow = 0;
            ulong vHigh = _hHigh, vLow = _hLow;
            for (var i = 0; i < 128; i++)
            {
                var bit = i < 64 ? (_yHigh >> (63 - i)) & 1 : (_yLow >> (127 - i)) & 1;
                var mask = 0UL - bit;
                zHigh ^= vHigh & mask;
                zLow ^= vLow & mask;
                var carry = 0UL - (vLow & 1);
                vLow = (vLow >> 1) | (vHigh << 63);
                vHigh = (vHigh >> 1) ^ (0xE100000000000000UL & carry);
            }
            _yHigh = zHigh;
            _yLow = zLow;
        }
    }
}
