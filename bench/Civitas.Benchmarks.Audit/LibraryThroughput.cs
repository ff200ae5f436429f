using Civitas.Audit;
using System.Diagnostics;
using Civitas.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Civitas.Benchmarks.Audit;

/// <summary>
/// Writes events through <see cref="IAuditLog"/> of a running host as fast as one caller can, and reports the
/// end-to-end events/s until all are committed, then how fast the chain verifies.
/// </summary>
internal static class LibraryThroughput
{
    public static async Task<int> RunAsync(int events)
    {
        await using var host = await CivitasTestHost.StartAsync();
        var log = host.Services.GetRequiredService<IAuditLog>();
        var database = host.Database.IsPostgres ? "PostgreSQL" : "SQLite";

        // Warm-up: JIT, connection pool, first pages of the table.
        for (var n = 0; n < 5_000; n++)
        {
            await log.WriteAsync(SampleEvents.Create(n));
        }

        await log.FlushAsync();

        var batch = Enumerable.Range(0, events).Select(SampleEvents.Create).ToArray();
        // CPU time of the whole process (caller, writer, SQLite engine in-process) is steadier than wall time on a shared machine.
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        foreach (var auditEvent in batch)
        {
            await log.WriteAsync(auditEvent);
        }

        var enqueued = clock.Elapsed;
        await log.FlushAsync();
        var committed = clock.Elapsed;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;

        var verify = Stopwatch.StartNew();
        var result = await host.Services.GetRequiredService<IAuditChainVerifier>().VerifyAsync();
        verify.Stop();

        Console.WriteLine($"database={database} events={events}");
        // Once the queue is full the caller waits for the writer (back-pressure), so this is not the hot-path cost;
        // that is measured without a database by the `micro` benchmarks (Enqueue).
        Console.WriteLine($"caller: all enqueued after {enqueued.TotalSeconds:F2} s");
        Console.WriteLine($"end-to-end: {events / committed.TotalSeconds:F0} events/s ({committed.TotalSeconds:F2} s until all committed)");
        Console.WriteLine($"cpu: {cpu.TotalMicroseconds / events:F1} us of process CPU per event ({events / cpu.TotalSeconds:F0} events per CPU-second)");
        Console.WriteLine($"verify: {result.EntriesChecked} entries in {verify.Elapsed.TotalSeconds:F2} s ({result.EntriesChecked / verify.Elapsed.TotalSeconds:F0} entries/s), intact={result.IsIntact}");
        return result.IsIntact ? 0 : 1;
    }
}
