using Civitas.Audit;
using BenchmarkDotNet.Attributes;
using Civitas.Audit.Chain;
using Civitas.Audit.Persistence;
using Civitas.Audit.Writing;

namespace Civitas.Benchmarks.Audit;

/// <summary>The CPU work per entry on the writer's side: validation, building the entry, hashing it into the chain.</summary>
[MemoryDiagnoser]
[Config(typeof(InProcessShortRun))]
public class AuditEntryBenchmarks
{
    private readonly AuditEvent _event = SampleEvents.Create(42);
    private readonly byte[] _previous = new byte[32];
    private AuditEntryEntity _entry = null!;

    [GlobalSetup]
    public void Setup() => _entry = AuditEntryFactory.Create(_event, 1, DateTime.UtcNow, _previous);

    [Benchmark]
    public object Validate() => AuditEventValidator.Validate(_event);

    [Benchmark]
    public byte[] Hash() => AuditHashing.Compute(_previous, _entry);

    [Benchmark]
    public object CreateEntry() => AuditEntryFactory.Create(_event, 1, _entry.RecordedAt, _previous);
}
