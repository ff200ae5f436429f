using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace Civitas.Benchmarks.Keys;

/// <summary>
/// Runs every [Benchmark] method for a fixed time after a warm-up and prints CPU time per operation (process
/// CPU) beside wall time. On a machine where other jobs compete for the two cores, wall time measures the
/// queue; CPU time measures the code. With <c>threads</c> &gt; 1 the same operation runs on that many threads at
/// once (the "raw rate on all cores" that HTTP throughput is compared with): ops/s is then the combined rate,
/// and CPU per operation shows what sharing one key between threads costs.
/// </summary>
internal static class CpuTimeRunner
{
    public static void Run(double secondsPerBenchmark, int threads, string? filter)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"threads: {threads}, {secondsPerBenchmark} s each, load: {LoadAverage()}"));
        Console.WriteLine("| benchmark | CPU µs/op | ops/s per core (CPU) | wall µs/op | ops/s (all threads) |");
        Console.WriteLine("|---|---|---|---|---|");
        foreach (var type in new[] { typeof(KeysBenchmarks), typeof(SoftHsmBenchmarks) })
        {
            var methods = type.GetMethods()
                .Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null)
                .Where(m => filter is null || $"{type.Name}.{m.Name}".Contains(filter, StringComparison.OrdinalIgnoreCase))
                .ToList();
            if (methods.Count == 0)
            {
                continue;
            }
            var instance = Activator.CreateInstance(type)!;
            Invoke<GlobalSetupAttribute>(type, instance);
            foreach (var method in methods)
            {
                var action = (Func<object?>)(() => method.Invoke(instance, null));
                Measure(action, 1.0, threads);
                var (cpu, wall, rate) = Measure(action, secondsPerBenchmark, threads);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {type.Name}.{method.Name} | {cpu:F1} | {1_000_000 / cpu:F0} | {wall:F1} | {rate:F0} |"));
            }
            Invoke<GlobalCleanupAttribute>(type, instance);
        }
        Console.WriteLine("load after: " + LoadAverage());
    }

    private static (double CpuMicroseconds, double WallMicroseconds, double OperationsPerSecond) Measure(Func<object?> action, double seconds, int threads)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuStart = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        long operations = 0;
        var workers = Enumerable.Range(0, threads).Select(_ => new Thread(() =>
        {
            long mine = 0;
            while (clock.Elapsed.TotalSeconds < seconds)
            {
                action();
                mine++;
            }
            Interlocked.Add(ref operations, mine);
        })).ToList();
        workers.ForEach(w => w.Start());
        workers.ForEach(w => w.Join());
        clock.Stop();
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuStart).TotalMicroseconds / operations;
        return (cpu, clock.Elapsed.TotalMicroseconds * threads / operations, operations / clock.Elapsed.TotalSeconds);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static void Invoke<TAttribute>(Type type, object instance)
        where TAttribute : Attribute
    {
        foreach (var method in type.GetMethods().Where(m => m.GetCustomAttribute<TAttribute>() is not null))
        {
            method.Invoke(instance, null);
        }
    }
}
