using BenchmarkDotNet.Running;
using Civitas.Benchmarks.LinkedData;

// `--node` prints the same operations measured with jsonld.js / jsonld-signatures on Node for comparison;
// everything else goes to BenchmarkDotNet (e.g. `--filter * --job short`).
if (args.Contains("--node"))
{
    NodeComparison.Run();
    return;
}

BenchmarkSwitcher.FromAssembly(typeof(CredentialBenchmarks).Assembly).Run(args);
