using System.Numerics;

namespace Civitas.Pairing;

/// <summary>
/// Width-w non-adjacent form of a public integer: digits are 0 or odd in (-2^(w-1), 2^(w-1)), and any
/// w consecutive digits hold at most one non-zero. Only for public multipliers (it branches on the bits).
/// </summary>
internal static class WindowNaf
{
    /// <summary>Digits least significant first.</summary>
    public static sbyte[] Digits(BigInteger k, int width)
    {
        var digits = new List<sbyte>(260);
        var modulus = 1 << width;
        var half = modulus >> 1;
        while (k > 0)
        {
            var digit = 0;
            if (!k.IsEven)
            {
                digit = (int)(k & (modulus - 1));
                if (digit >= half)
                {
                    digit -= modulus;
                }

                k -= digit;
            }

            digits.Add((sbyte)digit);
            k >>= 1;
        }

        return digits.ToArray();
    }
}
