using System.Globalization;
using System.Numerics;
using System.Text.Json;

namespace Civitas.Pairing.Tests.Support;

/// <summary>Parses the textual formats of Milagro's vector files: hex numbers, "[a,b]" (Fp2), "[[..],[..]]" (Fp4), three Fp4s (Fp12), "x:y" points.</summary>
internal static class VectorText
{
    public static string Str(this JsonElement element, string name)
    {
        var value = element.GetProperty(name);
        return value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText();
    }

    public static BigInteger Big(string hex) => BigInteger.Parse("0" + hex, NumberStyles.HexNumber, CultureInfo.InvariantCulture);

    public static Fp ParseFp(string hex) => Fp.FromBigInteger(Big(hex));

    public static Fp2 ParseFp2(string text)
    {
        var parts = Numbers(text);
        return new Fp2(Fp.FromBigInteger(parts[0]), Fp.FromBigInteger(parts[1]));
    }

    public static Fp4 ParseFp4(string text)
    {
        var n = Numbers(text);
        return Fp4Of(n, 0);
    }

    public static Fp12 ParseFp12(string text)
    {
        var n = Numbers(text);
        return new Fp12(Fp4Of(n, 0), Fp4Of(n, 4), Fp4Of(n, 8));
    }

    private static Fp4 Fp4Of(BigInteger[] n, int offset) => new(
        new Fp2(Fp.FromBigInteger(n[offset]), Fp.FromBigInteger(n[offset + 1])),
        new Fp2(Fp.FromBigInteger(n[offset + 2]), Fp.FromBigInteger(n[offset + 3])));

    private static BigInteger[] Numbers(string text) => text
        .Split(['[', ']', ','], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        .Select(Big)
        .ToArray();

    /// <summary>"x:y" affine G1 coordinates.</summary>
    public static (BigInteger X, BigInteger Y) ParsePair(string text)
    {
        var parts = text.Split(':');
        return (Big(parts[0]), Big(parts[1]));
    }

    /// <summary>"xa:xb&amp;ya:yb" affine G2 coordinates.</summary>
    public static (BigInteger Xa, BigInteger Xb, BigInteger Ya, BigInteger Yb) ParseQuad(string text)
    {
        var halves = text.Split('&');
        var (xa, xb) = ParsePair(halves[0]);
        var (ya, yb) = ParsePair(halves[1]);
        return (xa, xb, ya, yb);
    }
}
