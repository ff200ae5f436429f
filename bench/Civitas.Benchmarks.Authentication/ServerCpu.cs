using System.Globalization;

namespace Civitas.Benchmarks.Authentication;

/// <summary>
/// CPU time of the server process (from <c>/proc/&lt;pid&gt;/stat</c>), so each run can report CPU per authentication:
/// unlike the rate, it hardly depends on what else the shared machine is doing, and 2 cores / CPU-per-auth bounds the
/// rate the server could reach on two quiet cores. PostgreSQL's own CPU is not included. The driver's own CPU
/// (<see cref="Driver"/>) is reported too: it shares the cores, so server + driver CPU bound the measured rate.
/// </summary>
internal sealed class ServerCpu(int? pid)
{
    private const double TicksPerSecond = 100; // USER_HZ on Linux

    public static ServerCpu Driver { get; } = new(Environment.ProcessId);

    public TimeSpan? Now()
    {
        if (pid is not { } id || !File.Exists($"/proc/{id}/stat"))
        {
            return null;
        }

        // Fields after the command name (which may hold spaces, hence the last ')'): utime is the 14th field, stime the 15th.
        var stat = File.ReadAllText($"/proc/{id}/stat");
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    public static string DescribeDriver(TimeSpan? before, TimeSpan? after, int operations) =>
        before is null || after is null || operations == 0
            ? ""
            : $"   driver CPU {(after.Value - before.Value).TotalMilliseconds / operations:N2} ms/auth";

    public static string Describe(TimeSpan? before, TimeSpan? after, int operations)
    {
        if (before is null || after is null || operations == 0)
        {
            return "";
        }

        var perOperation = (after.Value - before.Value).TotalMilliseconds / operations;
        return $"   server CPU {perOperation:N2} ms/auth (≤ {Environment.ProcessorCount * 1000 / perOperation:N0}/s on {Environment.ProcessorCount} idle cores)";
    }
}
