using static Civitas.Pairing.Tests.Support.VectorText;

namespace Civitas.Pairing.Tests.Support;

/// <summary>Builds points from the "x:y" and "xa:xb&amp;ya:yb" texts of Milagro's ecp/ecp2 vector files.</summary>
internal static class Points
{
    public static bool TryG1(string text, out G1Point point)
    {
        var (x, y) = ParsePair(text);
        return G1Point.TryFromAffine(Fp.FromBigInteger(x), Fp.FromBigInteger(y), out point);
    }

    public static G1Point G1(string text) =>
        TryG1(text, out var point) ? point : throw new InvalidDataException($"Vector point {text} is not on E.");

    public static bool TryG2(string text, out G2Point point)
    {
        var (xa, xb, ya, yb) = ParseQuad(text);
        return G2Point.TryFromAffine(
            new Fp2(Fp.FromBigInteger(xa), Fp.FromBigInteger(xb)),
            new Fp2(Fp.FromBigInteger(ya), Fp.FromBigInteger(yb)),
            out point);
    }

    public static G2Point G2(string text) =>
        TryG2(text, out var point) ? point : throw new InvalidDataException($"Vector point {text} is not on E'.");

    public static byte[] ScalarBytes(string hex) => Convert.FromHexString(hex.PadLeft(64, '0'));
}
