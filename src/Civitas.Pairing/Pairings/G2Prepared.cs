namespace Civitas.Pairing;

/// <summary>
/// All Miller-loop lines of one G2 point, computed once (the point is public and usually long-lived:
/// the generator, a server secret, a DVS public key). T runs in homogeneous projective coordinates on the
/// twist with the doubling and mixed-addition formulas of Costello–Lange–Naehrig / Aranha et al. (2010).
/// </summary>
internal sealed class G2Prepared
{
    private G2Prepared(LineCoefficients[] lines, bool isInfinity)
    {
        Lines = lines;
        IsInfinity = isInfinity;
    }

    public LineCoefficients[] Lines { get; }

    public bool IsInfinity { get; }

    public static G2Prepared Create(G2Point q)
    {
        if (q.IsInfinity)
        {
            return new G2Prepared([], true);
        }

        var digits = MillerLoopSchedule.Digits;
        var lines = new List<LineCoefficients>(digits.Length + 16);
        var x = q.X;
        var y = q.Y;
        var negativeY = -y;
        var t = G2Projective.FromAffine(x, y);

        for (var i = 1; i < digits.Length; i++)
        {
            lines.Add(DoublingStep(ref t));
            if (digits[i] == 1)
            {
                lines.Add(AdditionStep(ref t, x, y));
            }
            else if (digits[i] == -1)
            {
                lines.Add(AdditionStep(ref t, x, negativeY));
            }
        }

        // u < 0: T = [6u+2]Q = -[|6u+2|]Q.
        t = t.Negate();

        // Q1 = π(Q), Q2 = π²(Q); the loop ends with lines through T + Q1 and (T + Q1) - Q2.
        var gamma1 = FrobeniusConstants.For(1);
        var gamma2 = FrobeniusConstants.For(2);
        var q1x = x.Conjugate() * gamma1[2];
        var q1y = y.Conjugate() * gamma1[3];
        var q2x = x * gamma2[2];
        var minusQ2y = -(y * gamma2[3]);
        lines.Add(AdditionStep(ref t, q1x, q1y));
        lines.Add(AdditionStep(ref t, q2x, minusQ2y));

        return new G2Prepared(lines.ToArray(), false);
    }

    /// <summary>T ← 2T; the tangent line scaled to -H·y + 3X²·x·w + (3b'Z² - Y²)·w³.</summary>
    private static LineCoefficients DoublingStep(ref G2Projective t)
    {
        var a = (t.X * t.Y).Half();
        var b = t.Y.Square();
        var c = t.Z.Square();
        var e = G2Projective.TimesB3(c);
        var f = e.Double() + e;
        var g = (b + f).Half();
        var h = (t.Y + t.Z).Square() - (b + c);
        var i = e - b;
        var j = t.X.Square();
        var e2 = e.Square();

        t = new G2Projective(a * (b - f), g.Square() - (e2.Double() + e2), b * h);
        return new LineCoefficients(-h, j.Double() + j, i);
    }

    /// <summary>T ← T + (x2, y2); the chord scaled to λ·y - θ·x·w + (θ·x2 - λ·y2)·w³.</summary>
    private static LineCoefficients AdditionStep(ref G2Projective t, in Fp2 x2, in Fp2 y2)
    {
        var theta = t.Y - (y2 * t.Z);
        var lambda = t.X - (x2 * t.Z);
        var c = theta.Square();
        var d = lambda.Square();
        var e = lambda * d;
        var f = t.Z * c;
        var g = t.X * d;
        var h = e + f - g.Double();

        var line = new LineCoefficients(lambda, -theta, (theta * x2) - (lambda * y2));
        t = new G2Projective(lambda * h, (theta * (g - h)) - (t.Y * e), t.Z * e);
        return line;
    }
}
