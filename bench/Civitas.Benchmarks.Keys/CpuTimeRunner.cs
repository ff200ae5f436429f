using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace Civitas.Benchmarks.Keys;

/// <summary>
/// Runs every [Benchmark] method for a fixed time after a warm-up and prints CPU time per operation (process
/// CPU on a single busy thread) beside wall time. On a machine where other jobs compete for the two cores,
/// wall time measures the queue; CPU time measures the code.
/// </summary>
internal static class CpuTimeRunner
{
    public static void Run(double secondsPerBenchmark)
    {
        Console.WriteLine("| benchmark | CPU µs/op | ops/s per core (CPU) | wall µs/op |");
        Console.WriteLine("|---|---|---|---|");
        foreach (var type in new[] { typeof(KeysBenchmarks), typeof(SoftHsmBenchmarks) })
        {
            var instance = Activator.CreateInstance(type)!;
            Invoke<GlobalSetupAttribute>(type, instance);
            foreach (var method in type.GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null))
            {
                var action = (Func<object?>)(() => method.Invoke(instance, null));
                Measure(action, 1.0);
                var (cpu, wall) = Measure(action, secondsPerBenchmark);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {type.Name}.{method.Name} | {cpu:F1} | {1_000_000 / cpu:F0} | {wall:F1} |"));
            }
            Invoke<GlobalCleanupAttribute>(type, instance);
        }
    }

    private static (double CpuMicroseconds, double WallMicroseconds) Measure(Func<object?> action, double seconds)
    {
        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpuStart = process.TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        long operations = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            action();
            operations++;
        }
        clock.Stop();
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpuStart).TotalMicroseconds / operations;
        return (cpu, clock.Elapsed.TotalMicroseconds / operations);
    }

    private static void Invoke<TAttribute>(Type type, object instance)
        where TAttribute : Attribute
    {
        foreach (var method in type.GetMethods().Where(m => m.GetCustomAttribute<TAttribute>() is not null))
        {
            method.Invoke(instance, null);
        }
    }
}
