namespace Civitas.Pairing;

/// <summary>
/// The two XTR trace operations Milagro defines on GF(p⁴) (traces of GF(p¹²) elements over GF(p⁴)).
/// Civitas does not use compressed pairings; these exist so the GF(p⁴) known-answer vectors can be checked.
/// </summary>
internal static class Xtr
{
    /// <summary>XTR-A on x: x.a·(w - y) + x.b·(w + y)·j + z.</summary>
    public static Fp4 A(in Fp4 x, in Fp4 w, in Fp4 y, in Fp4 z) =>
        ((w - y) * x.A) + ((w + y) * x.B).MulByJ() + z;

    /// <summary>XTR-D: x² - 2·conj(x).</summary>
    public static Fp4 D(in Fp4 x) => x.Square() - x.Conjugate().Double();

    /// <summary>
    /// cₙ = Tr(gⁿ) from c = Tr(g) by the Lenstra–Verheul ladder on (cₘ₋₁, cₘ, cₘ₊₁), using
    /// c₂ₘ = cₘ² - 2·conj(cₘ), c₂ₘ₋₁ = cₘ₋₁cₘ - conj(c)·conj(cₘ) + conj(cₘ₊₁),
    /// c₂ₘ₊₁ = cₘcₘ₊₁ - c·conj(cₘ) + conj(cₘ₋₁). Public exponent only.
    /// </summary>
    public static Fp4 Power(in Fp4 c, System.Numerics.BigInteger n)
    {
        if (n.IsZero)
        {
            return Fp4.One.MulBySmall(3);
        }

        var previous = Fp4.One.MulBySmall(3);
        var current = c;
        var next = D(c);
        var conjugateC = c.Conjugate();
        for (var i = (int)n.GetBitLength() - 2; i >= 0; i--)
        {
            var even = D(current);
            if ((n >> i).IsEven)
            {
                var odd = (previous * current) - (conjugateC * current.Conjugate()) + next.Conjugate();
                var oddNext = (current * next) - (c * current.Conjugate()) + previous.Conjugate();
                (previous, current, next) = (odd, even, oddNext);
            }
            else
            {
                var odd = (current * next) - (c * current.Conjugate()) + previous.Conjugate();
                (previous, current, next) = (even, odd, D(next));
            }
        }

        return current;
    }
}
