using System.Diagnostics;

namespace Civitas.Benchmarks.LinkedData;

/// <summary>
/// `--cpu`: the same operations timed by the benchmark thread's CPU time per operation (and wall time beside it).
/// On a machine shared with other builds, wall-clock figures mostly measure the queue for a core; thread CPU time
/// does not. Each figure is the best of three interleaved rounds, so one round disturbed by a neighbour (or by the
/// JIT still optimising) does not set it. bench.mjs reports Node's process.cpuUsage() the same way.
/// </summary>
internal static class CpuTimeComparison
{
    public static void Run()
    {
        var b = new CredentialBenchmarks();
        b.Setup();
        (string Name, int Iterations, Action Action)[] operations =
        [
            ("canonicalize (JSON-LD → RDF → RDFC-1.0)", 2000, () => b.Canonicalize()),
            ("RDFC-1.0 only (dataset already in RDF)", 5000, () => b.CanonicalizeDatasetOnly()),
            ("RsaSignature2018 sign", 500, () => b.SignRsa2018()),
            ("RsaSignature2018 verify", 1000, () => b.VerifyRsa2018()),
            ("Ed25519Signature2020 sign", 1000, () => b.SignEd25519Signature2020()),
            ("Ed25519Signature2020 verify", 1000, () => b.VerifyEd25519Signature2020()),
        ];

        // Let tiered JIT finish optimising every path first: on a loaded machine the background compiler lags.
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < TimeSpan.FromSeconds(5))
        {
            foreach (var op in operations)
            {
                op.Action();
            }
        }

        Thread.Sleep(1000);
        var best = new (double Cpu, double Wall)[operations.Length];
        Array.Fill(best, (double.MaxValue, double.MaxValue));
        for (var round = 0; round < 3; round++)
        {
            for (var i = 0; i < operations.Length; i++)
            {
                var (cpu, wall) = Measure(operations[i].Iterations, operations[i].Action);
                best[i] = (Math.Min(best[i].Cpu, cpu), Math.Min(best[i].Wall, wall));
            }
        }

        Console.WriteLine("| Civitas operation (.NET " + Environment.Version + ") | CPU per op | wall per op |");
        Console.WriteLine("|---|---|---|");
        for (var i = 0; i < operations.Length; i++)
        {
            Console.WriteLine($"| {operations[i].Name} | {best[i].Cpu:F3} ms | {best[i].Wall:F3} ms |");
        }

        b.Cleanup();
    }

    private static (double Cpu, double Wall) Measure(int iterations, Action action)
    {
        var cpu0 = ThreadCpuTime.Now();
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            action();
        }

        wall.Stop();
        return ((ThreadCpuTime.Now() - cpu0).TotalMilliseconds / iterations, wall.Elapsed.TotalMilliseconds / iterations);
    }
}
