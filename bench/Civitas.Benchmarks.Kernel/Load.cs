using System.Diagnostics;

namespace Civitas.Benchmarks.Kernel;

/// <summary>Runs <c>concurrency</c> loops of an operation for a fixed time and reports operations per second and latency.</summary>
internal static class Load
{
    public static async Task<string> RunAsync(string name, int concurrency, TimeSpan duration, Func<int, Task<bool>> operation)
    {
        // Warm-up: JIT, connection pools, database caches.
        await RunForAsync(concurrency, TimeSpan.FromSeconds(2), operation, null);
        var latencies = new List<double>[concurrency];
        for (var i = 0; i < concurrency; i++)
        {
            latencies[i] = new List<double>(100_000);
        }

        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var (count, elapsed) = await RunForAsync(concurrency, duration, operation, latencies);
        // CPU of this whole process (host and client) per operation: unlike the rate, it barely depends on how
        // much of the shared machine other work takes. The database server's CPU (PostgreSQL) is not included.
        var cpuPerOp = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalMicroseconds / Math.Max(1, count);
        var all = latencies.SelectMany(l => l).Order().ToArray();
        double P(double q) => all.Length == 0 ? 0 : all[(int)Math.Min(all.Length - 1, q * all.Length)];
        return $"{name,-28} {count / elapsed,10:N0} op/s   p50 {P(0.50),6:N2} ms   p95 {P(0.95),6:N2} ms   p99 {P(0.99),6:N2} ms   CPU {cpuPerOp,6:N0} µs/op   ({count:N0} in {elapsed:N1} s, {concurrency} parallel)";
    }

    private static async Task<(long Count, double Seconds)> RunForAsync(int concurrency, TimeSpan duration, Func<int, Task<bool>> operation, List<double>[]? latencies)
    {
        long count = 0;
        var started = Stopwatch.GetTimestamp();
        long lastEnd = started;
        var deadline = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
        {
            while (Stopwatch.GetTimestamp() < deadline)
            {
                var start = Stopwatch.GetTimestamp();
                if (!await operation(worker))
                {
                    // No work left (e.g. no pending OTP): this worker stops rather than count empty calls.
                    break;
                }

                latencies?[worker].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
                Interlocked.Increment(ref count);
                Interlocked.Exchange(ref lastEnd, Stopwatch.GetTimestamp());
            }
        })));
        // Time until the last counted operation ended, so workers that ran out of work early do not dilute the rate.
        return (count, Math.Max(1e-9, (lastEnd - started) / (double)Stopwatch.Frequency));
    }
}
