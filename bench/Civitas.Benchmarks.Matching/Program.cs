using BenchmarkDotNet.Running;

namespace Civitas.Benchmarks.Matching;

public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
