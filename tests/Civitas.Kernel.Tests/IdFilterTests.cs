using Civitas.Kernel.Ids;

namespace Civitas.Kernel.Tests;

/// <summary>
/// Each UIN filter turns down what it should and only that: every sample fails exactly one filter, and passes
/// once that filter is switched off. Samples were found with an independent script of MOSIP's regular expressions.
/// </summary>
public sealed class IdFilterTests
{
    [Theory]
    [InlineData("2137832567", IdRejection.Sequence)]
    [InlineData("9705728904", IdRejection.Sequence)] // 890 wraps 8-9-0
    [InlineData("5901763915", IdRejection.Sequence)] // 901
    [InlineData("9578098492", IdRejection.Sequence)] // 098
    [InlineData("5260181590", IdRejection.RepeatingDigit)] // 1x1
    [InlineData("3253659368", IdRejection.RepeatingBlock)] // 36 … 36
    [InlineData("2930682651", IdRejection.EvenDigits)] // 682
    [InlineData("7861856251", IdRejection.Restricted)] // 786
    [InlineData("1740931925", IdRejection.StartsWith)]
    public void Sample_fails_exactly_one_filter(string uin, object rejection)
    {
        var expected = (IdRejection)rejection;
        Assert.Equal(expected, new IdFilter(new UinSettings()).Check(uin));
        Assert.Equal(IdRejection.None, new IdFilter(Without(expected)).Check(uin));
    }

    // These filters can never fire alone at length 10 with MOSIP's defaults (abcde·abcde always repeats a block,
    // abcde·edcba always repeats a digit, 142857 always holds the even run 428), so the overlapping filter is off too.
    [Theory]
    [InlineData("2659726597", IdRejection.FirstEqualsLast, IdRejection.RepeatingBlock)]
    [InlineData("3847117483", IdRejection.FirstEqualsLastReversed, IdRejection.RepeatingDigit)]
    [InlineData("8092142857", IdRejection.Cyclic, IdRejection.EvenDigits)]
    public void Overlapped_filter_fails_alone_once_its_overlap_is_off(string uin, object rejection, object overlapping)
    {
        var expected = (IdRejection)rejection;
        var withoutOverlap = Without((IdRejection)overlapping);
        Assert.Equal(expected, new IdFilter(withoutOverlap).Check(uin));
        Assert.Equal(IdRejection.None, new IdFilter(Without(expected, withoutOverlap)).Check(uin));
    }

    [Theory]
    [InlineData("7104974650")]
    [InlineData("2130957465")] // two-digit runs (13, 09) are allowed
    public void A_number_clean_of_every_pattern_passes(string uin) =>
        Assert.Equal(IdRejection.None, new IdFilter(new UinSettings()).Check(uin));

    [Theory]
    [InlineData("710497465", IdRejection.Length)]
    [InlineData("71049746501", IdRejection.Length)]
    [InlineData("71049a4650", IdRejection.NotNumeric)]
    public void Length_and_digits_are_checked(string uin, object rejection) =>
        Assert.Equal((IdRejection)rejection, new IdFilter(new UinSettings()).Check(uin));

    [Theory]
    [InlineData("236", '3')]
    [InlineData("12345", '1')]
    [InlineData("142857", '0')]
    public void Verhoeff_check_digit_matches_published_examples(string digits, char check)
    {
        Assert.Equal(check, Verhoeff.CheckDigit(digits));
        Assert.True(Verhoeff.IsValid(digits + check));
        Assert.False(Verhoeff.IsValid(digits + (char)('0' + ((check - '0' + 1) % 10))));
    }

    [Fact]
    public void Verhoeff_catches_every_single_digit_error_and_adjacent_swap()
    {
        const string body = "710497465";
        var valid = body + Verhoeff.CheckDigit(body);
        for (var i = 0; i < valid.Length; i++)
        {
            for (var d = '0'; d <= '9'; d++)
            {
                if (d != valid[i])
                {
                    Assert.False(Verhoeff.IsValid(valid[..i] + d + valid[(i + 1)..]));
                }
            }

            if (i + 1 < valid.Length && valid[i] != valid[i + 1])
            {
                Assert.False(Verhoeff.IsValid(valid[..i] + valid[i + 1] + valid[i] + valid[(i + 2)..]));
            }
        }
    }

    [Fact]
    public void Generated_vids_have_sixteen_digits_pass_their_filters_and_check_digit()
    {
        var filter = new IdFilter(new VidSettings());
        var generator = new IdGenerator(filter);
        for (var i = 0; i < 500; i++)
        {
            var vid = generator.Next();
            Assert.Equal(16, vid.Length);
            Assert.Equal(IdRejection.None, filter.Validate(vid));
        }
    }

    [Fact]
    public void A_configuration_no_number_can_satisfy_fails_instead_of_spinning()
    {
        var impossible = new UinSettings { Length = 4, NotStartWith = ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9"] };
        Assert.Throws<InvalidOperationException>(() => new IdGenerator(new IdFilter(impossible)).Next());
    }

    private static UinSettings Without(IdRejection filter, UinSettings? from = null)
    {
        var s = from ?? new UinSettings();
        var copy = new UinSettings
        {
            SequenceLimit = s.SequenceLimit, RepeatingLimit = s.RepeatingLimit, RepeatingBlockLimit = s.RepeatingBlockLimit,
            ConjugativeEvenDigitsLimit = s.ConjugativeEvenDigitsLimit, DigitsGroupLimit = s.DigitsGroupLimit,
            ReverseDigitsGroupLimit = s.ReverseDigitsGroupLimit, RestrictedNumbers = s.RestrictedNumbers,
            NotStartWith = s.NotStartWith, RejectCyclicNumbers = s.RejectCyclicNumbers,
        };
        switch (filter)
        {
            case IdRejection.Sequence: copy.SequenceLimit = 0; break;
            case IdRejection.RepeatingDigit: copy.RepeatingLimit = 0; break;
            case IdRejection.RepeatingBlock: copy.RepeatingBlockLimit = 0; break;
            case IdRejection.EvenDigits: copy.ConjugativeEvenDigitsLimit = 0; break;
            case IdRejection.FirstEqualsLast: copy.DigitsGroupLimit = 0; break;
            case IdRejection.FirstEqualsLastReversed: copy.ReverseDigitsGroupLimit = 0; break;
            case IdRejection.Restricted: copy.RestrictedNumbers = []; break;
            case IdRejection.StartsWith: copy.NotStartWith = []; break;
            case IdRejection.Cyclic: copy.RejectCyclicNumbers = false; break;
        }

        return copy;
    }
}
