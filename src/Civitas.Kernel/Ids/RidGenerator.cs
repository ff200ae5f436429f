using System.Globalization;
using Civitas.Kernel.Persistence;
using Microsoft.Extensions.Options;

namespace Civitas.Kernel.Ids;

/// <summary>
/// RID = centre id + machine id + sequence (zero-padded, per centre and machine, wrapping to 1) + UTC timestamp.
/// The sequence advances with one upsert … RETURNING, so concurrent requests and hosts each get their own value.
/// </summary>
internal sealed class RidGenerator(KernelStore store, IOptions<KernelOptions> options, TimeProvider clock) : IRidGenerator
{
    private static readonly KernelStatement Next = new("""
        INSERT INTO kernel_rid_sequence (center_id, machine_id, sequence) VALUES (@c, @m, 1)
        ON CONFLICT (center_id, machine_id) DO UPDATE SET
            sequence = CASE WHEN kernel_rid_sequence.sequence >= @max THEN 1 ELSE kernel_rid_sequence.sequence + 1 END
        RETURNING sequence
        """, "@c", "@m", "@max");

    public async Task<string> GenerateAsync(string centerId, string machineId, CancellationToken cancellationToken = default)
    {
        var settings = options.Value.Rid;
        if (RidInput.Check(centerId, machineId, settings) is { } problem)
        {
            throw new ArgumentException(problem.Message);
        }

        var max = (int)Math.Min(int.MaxValue, Math.Pow(10, settings.SequenceLength) - 1);
        var sequence = await store.QuerySingleAsync(Next, [centerId, machineId, max], reader => reader.GetInt32(0), 0, cancellationToken);

        var timestamp = clock.GetUtcNow().UtcDateTime.ToString(settings.TimestampFormat, CultureInfo.InvariantCulture);
        return string.Concat(centerId, machineId, sequence.ToString(CultureInfo.InvariantCulture).PadLeft(settings.SequenceLength, '0'), timestamp);
    }
}

/// <summary>The RID input and configuration checks, in MOSIP's order, shared by the route and the library call.</summary>
internal static class RidInput
{
    public static Civitas.Common.Errors.ServiceError? Check(string? centerId, string? machineId, RidSettings settings)
    {
        if (string.IsNullOrWhiteSpace(centerId) || string.IsNullOrWhiteSpace(machineId))
        {
            return RidErrors.EmptyInput;
        }

        if (centerId.Length != settings.CenterIdLength || machineId.Length != settings.MachineIdLength
            || !centerId.All(char.IsAsciiDigit) || !machineId.All(char.IsAsciiDigit))
        {
            return RidErrors.InputLength;
        }

        if (string.IsNullOrEmpty(settings.TimestampFormat))
        {
            return RidErrors.TimestampLength;
        }

        return settings.SequenceLength is <= 0 or > 9 ? RidErrors.SequenceLength : null;
    }
}
