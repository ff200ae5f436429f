using BenchmarkDotNet.Running;

namespace Civitas.Benchmarks.Pairing;

public static class Program
{
    /// <summary>
    /// BenchmarkDotNet by default. "--cpu-time" instead runs each benchmark in a loop and reports process CPU
    /// time per operation, a figure that stays meaningful when other jobs share the machine's cores.
    /// </summary>
    public static void Main(string[] args)
    {
        if (args.Length > 0 && args[0] == "--cpu-time")
        {
            CpuTimeRunner.Run<PairingBenchmarks>();
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
    }
}
