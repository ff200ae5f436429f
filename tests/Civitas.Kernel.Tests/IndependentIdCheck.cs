using System.Text.RegularExpressions;

namespace Civitas.Kernel.Tests;

/// <summary>
/// A second, independent reading of the UIN rules for checking what Civitas hands out: MOSIP's own regular
/// expressions and a Verhoeff check whose permutation table is derived by composing the base permutation.
/// </summary>
internal static partial class IndependentIdCheck
{
    private static readonly int[][] D =
    [
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9], [1, 2, 3, 4, 0, 6, 7, 8, 9, 5], [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
        [3, 4, 0, 1, 2, 8, 9, 5, 6, 7], [4, 0, 1, 2, 3, 9, 5, 6, 7, 8], [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
        [6, 5, 9, 8, 7, 1, 0, 4, 3, 2], [7, 6, 5, 9, 8, 2, 1, 0, 4, 3], [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
        [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
    ];

    private static readonly int[][] P = BuildPermutations();

    public static bool VerhoeffValid(string number)
    {
        var c = 0;
        for (var i = 0; i < number.Length; i++)
        {
            c = D[c][P[i % 8][number[^(i + 1)] - '0']];
        }

        return c == 0;
    }

    /// <summary>The reference's UIN rules with their default limits; null when all pass, else the rule broken.</summary>
    public static string? BrokenUinRule(string uin)
    {
        const string ascending = "01234567890123456789";
        const string descending = "98765432109876543210";
        if (!TenDigits().IsMatch(uin))
        {
            return "length";
        }

        for (var i = 0; i + 3 <= uin.Length; i++)
        {
            if (ascending.Contains(uin.Substring(i, 3), StringComparison.Ordinal) || descending.Contains(uin.Substring(i, 3), StringComparison.Ordinal))
            {
                return "sequence";
            }
        }

        if (RepeatingDigit().IsMatch(uin)) return "repeating digit";
        if (RepeatingBlock().IsMatch(uin)) return "repeating block";
        if (EvenRun().IsMatch(uin)) return "even run";
        if (uin[..5] == uin[5..]) return "first equals last";
        if (uin[..5] == new string(uin[5..].Reverse().ToArray())) return "first equals reversed last";
        if (uin.Contains("786", StringComparison.Ordinal) || uin.Contains("666", StringComparison.Ordinal)) return "restricted";
        if (uin[0] is '0' or '1') return "starts with 0 or 1";
        return uin.Contains("142857", StringComparison.Ordinal) ? "cyclic" : null;
    }

    private static int[][] BuildPermutations()
    {
        int[] step = [1, 5, 7, 6, 2, 8, 3, 0, 9, 4];
        var table = new int[8][];
        table[0] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9];
        for (var i = 1; i < 8; i++)
        {
            table[i] = table[i - 1].Select(x => step[x]).ToArray();
        }

        return table;
    }

    [GeneratedRegex(@"^\d{10}$")]
    private static partial Regex TenDigits();

    [GeneratedRegex(@"(\d)\d{0,1}\1")]
    private static partial Regex RepeatingDigit();

    [GeneratedRegex(@"(\d{2,}).*?\1")]
    private static partial Regex RepeatingBlock();

    [GeneratedRegex("[2468]{3}")]
    private static partial Regex EvenRun();
}
