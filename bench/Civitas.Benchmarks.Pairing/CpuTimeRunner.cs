using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace Civitas.Benchmarks.Pairing;

/// <summary>
/// Measures CPU time (not wall time) per call of every [Benchmark] method: warm-up until tiered JIT settles,
/// then enough calls for at least two CPU-seconds, best of three rounds. Single-threaded code, so process CPU
/// time is the benchmark's own time even when the cores are shared with other work.
/// </summary>
internal static class CpuTimeRunner
{
    public static void Run<T>()
        where T : new()
    {
        var instance = new T();
        typeof(T).GetMethods().Single(m => m.GetCustomAttribute<GlobalSetupAttribute>() is not null).Invoke(instance, null);
        var benchmarks = typeof(T).GetMethods().Where(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null).ToArray();

        Console.WriteLine("| Method | CPU time per op |");
        Console.WriteLine("|---|---:|");
        foreach (var method in benchmarks)
        {
            var call = (Func<object?>)(() => method.Invoke(instance, null));
            var perCallSeconds = Measure(call, TimeSpan.FromSeconds(0.3));
            var iterations = (int)Math.Clamp(2.0 / Math.Max(perCallSeconds, 1e-9), 10, 20_000_000);
            var best = double.MaxValue;
            for (var round = 0; round < 3; round++)
            {
                best = Math.Min(best, MeasureIterations(call, iterations));
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {method.Name} | {Format(best)} |"));
        }
    }

    private static double Measure(Func<object?> call, TimeSpan warmup)
    {
        var watch = Stopwatch.StartNew();
        var calls = 0;
        while (watch.Elapsed < warmup || calls < 50)
        {
            call();
            calls++;
        }

        return MeasureIterations(call, Math.Max(calls / 3, 10));
    }

    private static double MeasureIterations(Func<object?> call, int iterations)
    {
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var start = process.TotalProcessorTime;
        for (var i = 0; i < iterations; i++)
        {
            call();
        }

        process.Refresh();
        return (process.TotalProcessorTime - start).TotalSeconds / iterations;
    }

    private static string Format(double seconds) => seconds switch
    {
        < 1e-6 => string.Create(CultureInfo.InvariantCulture, $"{seconds * 1e9:F1} ns"),
        < 1e-3 => string.Create(CultureInfo.InvariantCulture, $"{seconds * 1e6:F1} µs"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{seconds * 1e3:F3} ms"),
    };
}
