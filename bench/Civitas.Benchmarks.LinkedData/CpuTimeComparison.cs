using System.Diagnostics;

namespace Civitas.Benchmarks.LinkedData;

/// <summary>
/// `--cpu`: the same operations timed by process CPU time per operation (and wall time beside it). On a machine
/// shared with other builds, wall-clock figures mostly measure the queue for a core; CPU time does not. The Node
/// side (bench.mjs) reports process.cpuUsage() the same way, so the two columns compare like with like.
/// </summary>
internal static class CpuTimeComparison
{
    public static void Run()
    {
        var b = new CredentialBenchmarks();
        b.Setup();

        // Let tiered JIT finish optimising every path first: on a loaded machine the background compiler lags.
        var warm = Stopwatch.StartNew();
        while (warm.Elapsed < TimeSpan.FromSeconds(5))
        {
            b.Canonicalize();
            b.CanonicalizeDatasetOnly();
            b.SignRsa2018();
            b.VerifyRsa2018();
            b.SignEd25519Signature2020();
            b.VerifyEd25519Signature2020();
        }

        Thread.Sleep(1000);
        Console.WriteLine("| Civitas operation (.NET " + Environment.Version + ") | CPU per op | wall per op |");
        Console.WriteLine("|---|---|---|");
        Measure("canonicalize (JSON-LD → RDF → RDFC-1.0)", 2000, () => b.Canonicalize());
        Measure("RDFC-1.0 only (dataset already in RDF)", 5000, () => b.CanonicalizeDatasetOnly());
        Measure("RsaSignature2018 sign", 500, () => b.SignRsa2018());
        Measure("RsaSignature2018 verify", 1000, () => b.VerifyRsa2018());
        Measure("Ed25519Signature2020 sign", 1000, () => b.SignEd25519Signature2020());
        Measure("Ed25519Signature2020 verify", 1000, () => b.VerifyEd25519Signature2020());
        b.Cleanup();
    }

    private static void Measure(string name, int iterations, Action action)
    {
        for (var i = 0; i < Math.Min(200, iterations); i++)
        {
            action();
        }

        GC.Collect();
        var cpu0 = ThreadCpuTime.Now();
        var wall = Stopwatch.StartNew();
        for (var i = 0; i < iterations; i++)
        {
            action();
        }

        wall.Stop();
        var cpu = (ThreadCpuTime.Now() - cpu0).TotalMilliseconds / iterations;
        Console.WriteLine($"| {name} | {cpu:F3} ms | {wall.Elapsed.TotalMilliseconds / iterations:F3} ms |");
    }
}
