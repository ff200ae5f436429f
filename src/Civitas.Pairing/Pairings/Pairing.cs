namespace Civitas.Pairing;

/// <summary>The optimal ate pairing e: G1 × G2 → GT on BN254CX.</summary>
public static class Pairing
{
    /// <summary>e(P, Q).</summary>
    public static Gt Compute(G1Point p, G2Point q)
    {
        ArgumentNullException.ThrowIfNull(p);
        ArgumentNullException.ThrowIfNull(q);
        return Product([p], [q]);
    }

    /// <summary>∏ e(Pᵢ, Qᵢ) with one shared Miller loop and a single final exponentiation.</summary>
    public static Gt Product(ReadOnlySpan<G1Point> ps, ReadOnlySpan<G2Point> qs)
    {
        var f = MillerProduct(ps, qs);
        return new Gt(FinalExponentiation.Apply(f));
    }

    /// <summary>True when ∏ e(Pᵢ, Qᵢ) = 1, the form of every M-Pin and DVS check.</summary>
    public static bool IsProductOne(ReadOnlySpan<G1Point> ps, ReadOnlySpan<G2Point> qs) => Product(ps, qs).IsOne;

    internal static Fp12 MillerProduct(ReadOnlySpan<G1Point> ps, ReadOnlySpan<G2Point> qs)
    {
        if (ps.Length != qs.Length)
        {
            throw new ArgumentException("Need as many G1 points as G2 points.", nameof(qs));
        }

        var prepared = new G2Prepared[qs.Length];
        for (var i = 0; i < qs.Length; i++)
        {
            ArgumentNullException.ThrowIfNull(ps[i]);
            ArgumentNullException.ThrowIfNull(qs[i]);
            prepared[i] = qs[i].Prepared;
        }

        return MillerLoop.Evaluate(ps, prepared);
    }
}
