using System.Numerics;

namespace Civitas.Pairing;

/// <summary>Public constants of BN254CX (REFERENCE §12, Milagro ROM).</summary>
internal static class CurveConstants
{
    /// <summary>The BN parameter u = -0x4000000003C012B1.</summary>
    public static readonly BigInteger U = -BigInteger.Parse("4000000003C012B1", System.Globalization.NumberStyles.HexNumber, System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>|u|, used by the final exponentiation (u is negative, so f^(-u) = f^|u|).</summary>
    public const ulong AbsU = 0x4000000003C012B1;

    /// <summary>b = 2 in E: y² = x³ + 2.</summary>
    public static readonly Fp B = Fp.FromUInt64(2);

    /// <summary>b' = 2/ξ = 1 - i on the D-type twist E': y² = x³ + 2/(1 + i).</summary>
    public static readonly Fp2 TwistB = new(Fp.One, -Fp.One);

    /// <summary>G1 generator (p - 1, 1).</summary>
    public static readonly Fp G1X = -Fp.One;

    public static readonly Fp G1Y = Fp.One;

    /// <summary>The Milagro G2 generator (CURVE_Pxa, Pxb, Pya, Pyb).</summary>
    public static readonly Fp2 G2X = new(
        Hex("19682d2c7053b256358b2500f5c34bbb907c85bfa03e2726c0851ceee4d2ec74"),
        Hex("1466b9ec3e19f64aa011c937a8e99743f81b97b0c209c30f47a58e8b2e29cfe1"));

    public static readonly Fp2 G2Y = new(
        Hex("0a79edd972332b8dd81e22157daee2096361b33d847ec1b30cfbfcebcf0be09f"),
        Hex("06160c39ecc4c09035c6e4512d8d3461c2864ea569d2edebed904b228898ee9d"));

    private static Fp Hex(string hex) => Fp.FromBytes(Convert.FromHexString(hex));
}
