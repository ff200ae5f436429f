using Civitas.Pairing.Arithmetic;

namespace Civitas.Pairing;

/// <summary>
/// Width-w non-adjacent form of a public 256-bit integer: digits are 0 or odd in (-2^(w-1), 2^(w-1)), and any
/// w consecutive digits hold at most one non-zero. Only for public multipliers (it branches on the bits).
/// Works on limbs in place, so recoding allocates nothing.
/// </summary>
internal static class WindowNaf
{
    /// <summary>Enough digits for any 256-bit value (the recoding can be one digit longer than the value).</summary>
    public const int MaxDigits = 258;

    /// <summary>Writes the digits least significant first and returns how many there are.</summary>
    public static int Digits(in U256 k, int width, Span<sbyte> digits)
    {
        Span<ulong> limbs = [k.L0, k.L1, k.L2, k.L3, 0];
        var modulus = 1 << width;
        var half = modulus >> 1;
        var count = 0;
        while (!IsZero(limbs))
        {
            var digit = 0;
            if ((limbs[0] & 1) != 0)
            {
                digit = (int)(limbs[0] & (ulong)(modulus - 1));
                if (digit >= half)
                {
                    digit -= modulus;
                    AddSmall(limbs, (ulong)(-digit));
                }
                else
                {
                    SubtractSmall(limbs, (ulong)digit);
                }
            }

            digits[count++] = (sbyte)digit;
            ShiftRightOne(limbs);
        }

        return count;
    }

    private static bool IsZero(ReadOnlySpan<ulong> limbs) => (limbs[0] | limbs[1] | limbs[2] | limbs[3] | limbs[4]) == 0;

    private static void AddSmall(Span<ulong> limbs, ulong value)
    {
        for (var i = 0; i < limbs.Length && value != 0; i++)
        {
            var sum = limbs[i] + value;
            value = sum < limbs[i] ? 1UL : 0UL;
            limbs[i] = sum;
        }
    }

    private static void SubtractSmall(Span<ulong> limbs, ulong value)
    {
        for (var i = 0; i < limbs.Length && value != 0; i++)
        {
            var difference = limbs[i] - value;
            value = limbs[i] < value ? 1UL : 0UL;
            limbs[i] = difference;
        }
    }

    private static void ShiftRightOne(Span<ulong> limbs)
    {
        for (var i = 0; i < limbs.Length - 1; i++)
        {
            limbs[i] = (limbs[i] >> 1) | (limbs[i + 1] << 63);
        }

        limbs[^1] >>= 1;
    }
}
