using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace Civitas.Benchmarks.Audit;

/// <summary>
/// Short runs inside this process: BenchmarkDotNet's usual separate build of the project graph takes minutes on a
/// busy 2-core machine and times out, and these benchmarks need no isolation beyond their own warm-up.
/// </summary>
public sealed class InProcessShortRun : ManualConfig
{
    public InProcessShortRun() => AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance));
}
