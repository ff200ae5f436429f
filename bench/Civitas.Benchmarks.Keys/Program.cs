using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Civitas.Benchmarks.Keys;

public static class Program
{
    /// <summary>
    /// BenchmarkDotNet by default. "--cpu" instead runs each benchmark in a loop on one thread and reports the
    /// thread's CPU time per operation as well as wall time: a figure that stays meaningful on a shared machine.
    /// <c>--cpu [seconds] [threads|all] [name filter]</c>; "all" runs the operation on every core at once.
    /// </summary>
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--cpu")
        {
            var seconds = args.Length > 1 ? double.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 3.0;
            var threads = args.Length > 2 ? (args[2] == "all" ? Environment.ProcessorCount : int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture)) : 1;
            CpuTimeRunner.Run(seconds, threads, args.Length > 3 ? args[3] : null);
            return;
        }
        // In-process short runs: on a loaded shared machine the generated project's build exceeds BenchmarkDotNet's timeout.
        var config = DefaultConfig.Instance.AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, config);
    }
}
