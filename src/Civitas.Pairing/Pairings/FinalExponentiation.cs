namespace Civitas.Pairing;

/// <summary>
/// f ↦ f^((p¹² - 1)/r). Easy part (p⁶ - 1)(p² + 1) with one inversion and Frobenius maps; hard part by the
/// Fuentes-Castañeda–Knapp–Rodríguez-Henríquez chain for BN curves, which raises to a fixed multiple
/// 2u(6u² + 3u + 1) of (p⁴ - p² + 1)/r that is coprime to r. The result is still a non-degenerate bilinear
/// pairing (Milagro's GT values differ by that fixed power; M-Pin only ever compares with 1).
/// After the easy part f is in the cyclotomic subgroup, so inverses are conjugates and squarings are Granger–Scott.
/// </summary>
internal static class FinalExponentiation
{
    public static Fp12 Apply(in Fp12 f)
    {
        var t = f.Conjugate() * f.Invert();
        t = t.Frobenius(2) * t;
        return HardPart(t);
    }

    private static Fp12 HardPart(in Fp12 f)
    {
        var a = ExpByNegativeU(f);                 // f^(-u)
        var b = a.CyclotomicSquare();              // f^(-2u)
        var c = b.CyclotomicSquare();              // f^(-4u)
        var d = c * b;                             // f^(-6u)
        var e = ExpByNegativeU(d);                 // f^(6u²)
        var g = ExpByNegativeU(e.CyclotomicSquare()); // f^(-12u³)
        var h = d.Conjugate();                     // f^(6u)
        var j = g.Conjugate() * e;                 // f^(12u³ + 6u²)
        var k = j * h;                             // f^(12u³ + 6u² + 6u)
        var l = k * b;                             // f^(12u³ + 6u² + 4u)
        var m = k * e;                             // f^(12u³ + 12u² + 6u)
        var n = m * f;                             // f^(12u³ + 12u² + 6u + 1)
        var result = l.Frobenius(1) * n;
        result = k.Frobenius(2) * result;
        var s = f.Conjugate() * l;                 // f^(12u³ + 6u² + 4u - 1)
        return s.Frobenius(3) * result;
    }

    /// <summary>f^(-u) = f^|u| because u &lt; 0; square-and-multiply over the public constant |u|.</summary>
    private static Fp12 ExpByNegativeU(in Fp12 f)
    {
        var result = f;
        for (var bit = 61; bit >= 0; bit--)
        {
            result = result.CyclotomicSquare();
            if (((CurveConstants.AbsU >> bit) & 1) != 0)
            {
                result *= f;
            }
        }

        return result;
    }
}
