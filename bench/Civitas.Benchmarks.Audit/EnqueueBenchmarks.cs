using BenchmarkDotNet.Attributes;
using Civitas.Audit;
using Civitas.Audit.Writing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Civitas.Benchmarks.Audit;

/// <summary>
/// What a hot path pays per <see cref="IAuditLog.WriteAsync"/>: validation and a queue insert. The writer drains
/// into an appender that stores nothing, so the database is out of the picture.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(InProcessShortRun))]
public class EnqueueBenchmarks
{
    private readonly AuditEvent _event = SampleEvents.Create(7);
    private AuditBatchWriter _writer = null!;

    [GlobalSetup]
    public void Setup()
    {
        _writer = new AuditBatchWriter(new DiscardingAppender(), Options.Create(new AuditOptions()), NullLogger<AuditBatchWriter>.Instance);
        _writer.StartAsync(CancellationToken.None).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _writer.StopAsync(CancellationToken.None).GetAwaiter().GetResult();
        _writer.Dispose();
    }

    [Benchmark]
    public ValueTask Enqueue() => _writer.WriteAsync(_event);

    private sealed class DiscardingAppender : IAuditAppender
    {
        public Task AppendAsync(IReadOnlyList<AuditEvent> events, CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
