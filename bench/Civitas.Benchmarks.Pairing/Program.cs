using BenchmarkDotNet.Running;

namespace Civitas.Benchmarks.Pairing;

public static class Program
{
    public static void Main(string[] args) => BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
}
