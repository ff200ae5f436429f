namespace Civitas.Pairing;

/// <summary>
/// One Miller-loop line, stored independently of the G1 argument: evaluated at P = (x, y) it is
/// C0·y + C1·x·w + C3·w³ in GF(p¹²), the sparse D-type shape <see cref="Fp12.MulByLine"/> expects.
/// </summary>
internal readonly record struct LineCoefficients(Fp2 C0, Fp2 C1, Fp2 C3);
