using System.Numerics;
using System.Text;

namespace Civitas.LinkedData.Proofs;

/// <summary>Bitcoin base58 and the multibase 'z' prefix used by Ed25519 proofs and keys.</summary>
internal static class Base58Btc
{
    private const string Alphabet = "123456789ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz";

    public static string Encode(ReadOnlySpan<byte> data)
    {
        var zeros = 0;
        while (zeros < data.Length && data[zeros] == 0)
        {
            zeros++;
        }

        var value = new BigInteger(data, isUnsigned: true, isBigEndian: true);
        var sb = new StringBuilder();
        while (value > 0)
        {
            value = BigInteger.DivRem(value, 58, out var rem);
            sb.Insert(0, Alphabet[(int)rem]);
        }

        return new string('1', zeros) + sb;
    }

    public static bool TryDecode(string text, out byte[] data)
    {
        data = [];
        BigInteger value = 0;
        var zeros = 0;
        while (zeros < text.Length && text[zeros] == '1')
        {
            zeros++;
        }

        foreach (var c in text)
        {
            var digit = Alphabet.IndexOf(c, StringComparison.Ordinal);
            if (digit < 0)
            {
                return false;
            }

            value = (value * 58) + digit;
        }

        var bytes = value.IsZero ? [] : value.ToByteArray(isUnsigned: true, isBigEndian: true);
        data = [.. new byte[zeros], .. bytes];
        return true;
    }

    /// <summary>Multibase base58btc: 'z' + base58.</summary>
    public static string EncodeMultibase(ReadOnlySpan<byte> data) => "z" + Encode(data);

    public static bool TryDecodeMultibase(string? text, out byte[] data)
    {
        data = [];
        return text is { Length: > 1 } && text[0] == 'z' && TryDecode(text[1..], out data);
    }
}
