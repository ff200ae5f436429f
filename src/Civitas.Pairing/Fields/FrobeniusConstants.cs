using System.Numerics;

namespace Civitas.Pairing;

/// <summary>
/// γ(n,k) = ξ^(k(pⁿ - 1)/6): the Frobenius x ↦ x^(pⁿ) sends the GF(p²) coefficient of wᵏ to its
/// n-fold conjugate times γ(n,k). Computed once at start-up from public constants.
/// </summary>
internal static class FrobeniusConstants
{
    private static readonly Fp2[][] Gammas = Build();

    /// <summary>γ(n, 0..5) for n = 1..3.</summary>
    public static Fp2[] For(int power) => Gammas[power - 1];

    /// <summary>ξ^((p-1)/6) = w^(p-1); Milagro calls it Fra + Frb·i.</summary>
    public static Fp2 W => Gammas[0][1];

    private static Fp2[][] Build()
    {
        var p = Fp.Modulus;
        var result = new Fp2[3][];
        for (var n = 1; n <= 3; n++)
        {
            var step = Fp2.Xi.Pow((BigInteger.Pow(p, n) - 1) / 6);
            var row = new Fp2[6];
            row[0] = Fp2.One;
            for (var k = 1; k < 6; k++)
            {
                row[k] = row[k - 1] * step;
            }

            result[n - 1] = row;
        }

        return result;
    }
}
