namespace Civitas.Pairing;

/// <summary>
/// The optimal-ate Miller loop for any number of (P, Q) pairs with one shared accumulator: each iteration
/// squares f once and multiplies in one line per pair, so a product of n pairings costs far less than n loops.
/// </summary>
internal static class MillerLoop
{
    public static Fp12 Evaluate(ReadOnlySpan<G1Point> ps, ReadOnlySpan<G2Prepared> qs)
    {
        var digits = MillerLoopSchedule.Digits;
        var f = Fp12.One;
        var lineIndex = 0;

        for (var i = 1; i < digits.Length; i++)
        {
            if (i != 1)
            {
                f = f.Square();
            }

            MultiplyLines(ref f, ps, qs, lineIndex++);
            if (digits[i] != 0)
            {
                MultiplyLines(ref f, ps, qs, lineIndex++);
            }
        }

        // u < 0: f_{6u+2} = conj(f_{|6u+2|}) up to factors the final exponentiation removes.
        f = f.Conjugate();
        MultiplyLines(ref f, ps, qs, lineIndex++);
        MultiplyLines(ref f, ps, qs, lineIndex);
        return f;
    }

    private static void MultiplyLines(ref Fp12 f, ReadOnlySpan<G1Point> ps, ReadOnlySpan<G2Prepared> qs, int index)
    {
        for (var k = 0; k < ps.Length; k++)
        {
            var p = ps[k];
            var q = qs[k];
            if (p.IsInfinity || q.IsInfinity)
            {
                continue;
            }

            ref readonly var line = ref q.Lines[index];
            f = f.MulByLine(line.C0 * p.Y, line.C1 * p.X, line.C3);
        }
    }
}
