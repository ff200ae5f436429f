using System.Numerics;

namespace Civitas.Pairing;

/// <summary>
/// The optimal-ate loop for BN curves runs over 6u + 2. Here u &lt; 0, so the loop uses |6u + 2| in
/// non-adjacent form (fewer additions), then conjugates f and negates T, as the negative parameter requires.
/// </summary>
internal static class MillerLoopSchedule
{
    /// <summary>NAF digits of |6u + 2|, most significant first (the leading 1 included).</summary>
    public static readonly sbyte[] Digits = ComputeNaf(BigInteger.Abs((6 * CurveConstants.U) + 2));

    private static sbyte[] ComputeNaf(BigInteger n)
    {
        var digits = new List<sbyte>();
        while (n > 0)
        {
            sbyte digit = 0;
            if (!n.IsEven)
            {
                digit = (sbyte)(2 - (int)(n % 4));
                n -= digit;
            }

            digits.Add(digit);
            n >>= 1;
        }

        digits.Reverse();
        return digits.ToArray();
    }
}
