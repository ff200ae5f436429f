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
}
