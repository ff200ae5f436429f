using System.Globalization;
using Microsoft.Extensions.Options;

namespace Civitas.Kernel.Ids;

/// <summary>The validators other modules use: the same filters and check digits the generators apply.</summary>
internal sealed class IdValidator(IOptions<KernelOptions> options) : IIdValidator
{
    private readonly IdFilter _uin = new(options.Value.Uin);
    private readonly IdFilter _vid = new(options.Value.Vid);
    private readonly RidSettings _rid = options.Value.Rid;

    public bool IsValidUin(ReadOnlySpan<char> uin) => _uin.Validate(uin) == IdRejection.None;

    public bool IsValidVid(ReadOnlySpan<char> vid) => _vid.Validate(vid) == IdRejection.None;

    public bool IsValidRid(ReadOnlySpan<char> rid)
    {
        var prefix = _rid.CenterIdLength + _rid.MachineIdLength + _rid.SequenceLength;
        if (rid.Length != prefix + _rid.TimestampFormat.Length)
        {
            return false;
        }

        foreach (var c in rid)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return DateTime.TryParseExact(rid[prefix..], _rid.TimestampFormat, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out _);
    }
}
