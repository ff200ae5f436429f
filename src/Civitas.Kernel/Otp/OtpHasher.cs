using System.Security.Cryptography;
using System.Text;

namespace Civitas.Kernel.Otp;

/// <summary>Keyed hashes of OTP keys and codes (HMAC-SHA256), computed into caller buffers without allocating.</summary>
internal sealed class OtpHasher(OtpHmacKey key)
{
    public const int HashBytes = 32;
    private const int MaxKeyBytes = 64 * 4;

    /// <summary>Hash of the OTP key; the key is often a phone number or e-mail, so it is not stored in clear either.</summary>
    public void HashKey(string otpKey, Span<byte> destination)
    {
        Span<byte> input = stackalloc byte[2 + MaxKeyBytes];
        input[0] = (byte)'k';
        input[1] = 0;
        var length = Encoding.UTF8.GetBytes(otpKey, input[2..]);
        HMACSHA256.HashData(key.Value, input[..(2 + length)], destination);
    }

    /// <summary>Hash of an OTP bound to its key hash, so one key's stored hash says nothing about another key's OTP.</summary>
    public void HashOtp(ReadOnlySpan<byte> keyHash, string otp, Span<byte> destination)
    {
        Span<byte> input = stackalloc byte[2 + HashBytes + 64];
        input[0] = (byte)'o';
        input[1] = 0;
        keyHash.CopyTo(input[2..]);
        var length = Encoding.ASCII.GetBytes(otp.AsSpan(0, Math.Min(otp.Length, 64)), input[(2 + HashBytes)..]);
        HMACSHA256.HashData(key.Value, input[..(2 + HashBytes + length)], destination);
    }
}
