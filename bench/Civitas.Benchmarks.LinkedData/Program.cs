using BenchmarkDotNet.Running;
using Civitas.Benchmarks.LinkedData;

// `--node` prints the same operations measured with jsonld.js / jsonld-signatures on Node for comparison;
// `--cpu` times Civitas by CPU time per operation (robust on a shared machine);
// everything else goes to BenchmarkDotNet (e.g. `--filter * --job short`).
if (args.Contains("--node"))
{
    NodeComparison.Run();
    return;
}

if (args.Contains("--cpu"))
{
    CpuTimeComparison.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(CredentialBenchmarks).Assembly).Run(args);
