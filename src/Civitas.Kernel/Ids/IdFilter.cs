namespace Civitas.Kernel.Ids;

/// <summary>Which filter turned an identifier down (for tests and diagnostics).</summary>
internal enum IdRejection
{
    None,
    Length,
    NotNumeric,
    Sequence,
    RepeatingDigit,
    RepeatingBlock,
    EvenDigits,
    FirstEqualsLast,
    FirstEqualsLastReversed,
    Restricted,
    StartsWith,
    Cyclic,
    Checksum,
}

/// <summary>
/// MOSIP's UIN/VID filters (REFERENCE.md §4), each switchable by its setting, written as plain loops over the
/// digits: generation rejects most candidates, so the filters run many times per UIN and must not allocate.
/// Semantics match MOSIP's regular expressions (noted on each check).
/// </summary>
internal sealed class IdFilter(IdFilterSettings settings)
{
    private const string Ascending = "01234567890123456789";
    private const string Descending = "98765432109876543210";

    /// <summary>MOSIP's nine cyclic numbers (of the primes 7, 17, 19, 23, 29, 47, 59, 61, 97).</summary>
    internal static readonly string[] CyclicNumbers =
    [
        "142857", "0588235294117647", "052631578947368421", "0434782608695652173913",
        "0344827586206896551724137931", "0212765957446808510638297872340425531914893617",
        "0169491525423728813559322033898305084745762711864406779661",
        "016393442622950819672131147540983606557377049180327868852459",
        "010309278350515463917525773195876288659793814432989690721649484536082474226804123711340206185567",
    ];

    public IdFilterSettings Settings { get; } = settings;

    /// <summary>The first filter <paramref name="id"/> fails, or <see cref="IdRejection.None"/>; the check digit is not examined.</summary>
    public IdRejection Check(ReadOnlySpan<char> id)
    {
        if (id.Length != Settings.Length)
        {
            return IdRejection.Length;
        }

        foreach (var c in id)
        {
            if (!char.IsAsciiDigit(c))
            {
                return IdRejection.NotNumeric;
            }
        }

        if (HasSequence(id, Settings.SequenceLimit))
        {
            return IdRejection.Sequence;
        }

        if (HasRepeatingDigit(id, Settings.RepeatingLimit))
        {
            return IdRejection.RepeatingDigit;
        }

        if (HasRepeatingBlock(id, Settings.RepeatingBlockLimit))
        {
            return IdRejection.RepeatingBlock;
        }

        if (HasEvenRun(id, Settings.ConjugativeEvenDigitsLimit))
        {
            return IdRejection.EvenDigits;
        }

        if (FirstEqualsLast(id, Settings.DigitsGroupLimit))
        {
            return IdRejection.FirstEqualsLast;
        }

        if (FirstEqualsLastReversed(id, Settings.ReverseDigitsGroupLimit))
        {
            return IdRejection.FirstEqualsLastReversed;
        }

        if (ContainsAny(id, Settings.RestrictedNumbers))
        {
            return IdRejection.Restricted;
        }

        if (StartsWithAny(id, Settings.NotStartWith))
        {
            return IdRejection.StartsWith;
        }

        return Settings.RejectCyclicNumbers && ContainsAny(id, CyclicNumbers) ? IdRejection.Cyclic : IdRejection.None;
    }

    /// <summary>Filters plus the Verhoeff check digit: what a validator accepts.</summary>
    public IdRejection Validate(ReadOnlySpan<char> id)
    {
        var rejection = Check(id);
        return rejection == IdRejection.None && !Verhoeff.IsValid(id) ? IdRejection.Checksum : rejection;
    }

    // Any window of `limit` digits that is a substring of the cyclic ascending or descending digit strings.
    private static bool HasSequence(ReadOnlySpan<char> id, int limit)
    {
        if (limit <= 0)
        {
            return false;
        }

        for (var i = 0; i + limit <= id.Length; i++)
        {
            var window = id.Slice(i, limit);
            if (Ascending.AsSpan().IndexOf(window) >= 0 || Descending.AsSpan().IndexOf(window) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    // (\d)\d{0,limit-1}\1 : the same digit again within `limit` positions.
    private static bool HasRepeatingDigit(ReadOnlySpan<char> id, int limit)
    {
        for (var i = 0; i < id.Length; i++)
        {
            for (var distance = 1; distance <= limit && i + distance < id.Length; distance++)
            {
                if (id[i] == id[i + distance])
                {
                    return true;
                }
            }
        }

        return false;
    }

    // (\d{limit,}).*?\1 : a block of `limit`+ digits occurring again after it ends. Any such repeat contains a
    // repeat of its first `limit` digits, so checking blocks of exactly `limit` digits is equivalent.
    private static bool HasRepeatingBlock(ReadOnlySpan<char> id, int limit)
    {
        if (limit <= 0)
        {
            return false;
        }

        for (var i = 0; i + (2 * limit) <= id.Length; i++)
        {
            var block = id.Slice(i, limit);
            if (id[(i + limit)..].IndexOf(block) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    // [2468]{limit}
    private static bool HasEvenRun(ReadOnlySpan<char> id, int limit)
    {
        if (limit <= 0)
        {
            return false;
        }

        var run = 0;
        foreach (var c in id)
        {
            run = c is '2' or '4' or '6' or '8' ? run + 1 : 0;
            if (run >= limit)
            {
                return true;
            }
        }

        return false;
    }

    private static bool FirstEqualsLast(ReadOnlySpan<char> id, int group) =>
        group > 0 && group <= id.Length && id[..group].SequenceEqual(id[^group..]);

    private static bool FirstEqualsLastReversed(ReadOnlySpan<char> id, int group)
    {
        if (group <= 0 || group > id.Length)
        {
            return false;
        }

        for (var i = 0; i < group; i++)
        {
            if (id[i] != id[id.Length - 1 - i])
            {
                return false;
            }
        }

        return true;
    }

    private static bool ContainsAny(ReadOnlySpan<char> id, string[] needles)
    {
        foreach (var needle in needles)
        {
            if (needle.Length > 0 && needle.Length <= id.Length && id.IndexOf(needle) >= 0)
            {
                return true;
            }
        }

        return false;
    }

    private static bool StartsWithAny(ReadOnlySpan<char> id, string[] prefixes)
    {
        foreach (var prefix in prefixes)
        {
            if (prefix.Length > 0 && id.StartsWith(prefix))
            {
                return true;
            }
        }

        return false;
    }
}
