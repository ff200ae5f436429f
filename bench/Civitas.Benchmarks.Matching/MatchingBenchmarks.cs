using System.Buffers.Binary;
using BenchmarkDotNet.Attributes;
using Civitas.Matching;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Civitas.Benchmarks.Matching;

/// <summary>
/// One authentication's matching work: a name in each demo language under each strategy, and a face or finger probe
/// against the registry's 128-float templates (one face, two fingers), plus the largest template accepted.
/// </summary>
[MemoryDiagnoser]
public class MatchingBenchmarks
{
    private ServiceProvider services = null!;
    private IDemographicMatcher demographics = null!;
    private IBiometricMatcher face = null!;
    private IBiometricMatcher finger = null!;
    private byte[] probe = null!;
    private ReadOnlyMemory<byte>[] oneReference = null!;
    private ReadOnlyMemory<byte>[] twoReferences = null!;
    private byte[] largestProbe = null!;
    private ReadOnlyMemory<byte>[] largestReference = null!;

    [GlobalSetup]
    public void Setup()
    {
        services = new ServiceCollection().AddCivitasMatching(new ConfigurationBuilder().Build()).BuildServiceProvider();
        demographics = services.GetRequiredService<IDemographicMatcher>();
        var matchers = services.GetRequiredService<IBiometricMatchers>();
        face = matchers.For("Face")!;
        finger = matchers.For("Finger")!;
        probe = Vector(1, 128);
        oneReference = [Vector(2, 128)];
        twoReferences = [Vector(3, 128), Vector(4, 128)];
        largestProbe = Vector(5, 4096);
        largestReference = [Vector(6, 4096)];
    }

    [GlobalCleanup]
    public void Cleanup() => services.Dispose();

    [Benchmark]
    public int ExactEnglish() => demographics.Score("Ibrahima Benali", "IBRAHIMA  benali", "eng", MatchStrategy.Exact);

    [Benchmark]
    public int ExactFrench() => demographics.Score("Éloïse Traoré", "Eloise Traore", "fra", MatchStrategy.Exact);

    [Benchmark]
    public int ExactArabic() => demographics.Score("إبراهيما بن علي", "ابراهيما بن علي", "ara", MatchStrategy.Exact);

    [Benchmark]
    public int PartialEnglish() => demographics.Score("Ada Lovelace", "Ada King Lovelace", "eng", MatchStrategy.Partial);

    [Benchmark]
    public int PhoneticEnglish() => demographics.Score("Jon Smyth", "John Smith", "eng", MatchStrategy.Phonetic);

    [Benchmark]
    public int PhoneticArabic() => demographics.Score("عمرو خليل", "عمر خليل", "ara", MatchStrategy.Phonetic);

    [Benchmark]
    public double Face128() => face.Match(probe, oneReference).BestScore;

    [Benchmark]
    public double Finger128TwoReferences() => finger.Match(probe, twoReferences).BestScore;

    [Benchmark]
    public double Face4096() => face.Match(largestProbe, largestReference).BestScore;

    private static byte[] Vector(int seed, int dimensions)
    {
        var random = new Random(seed);
        var bytes = new byte[dimensions * sizeof(float)];
        for (var i = 0; i < dimensions; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(bytes.AsSpan(i * sizeof(float)), (float)((random.NextDouble() * 2) - 1));
        }

        return bytes;
    }
}
