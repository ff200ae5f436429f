using System.Numerics;
using System.Security.Cryptography;

namespace Civitas.Pairing.Tests.Properties;

/// <summary>Field arithmetic against BigInteger and schoolbook formulas, including extreme values.</summary>
public sealed class FieldPropertyTests
{
    private static Fp RandomFp() => Fp.FromBigInteger(new BigInteger(RandomNumberGenerator.GetBytes(32), isUnsigned: true));

    private static IEnumerable<Fp> Samples()
    {
        var p = Fp.Modulus;
        yield return Fp.Zero;
        yield return Fp.One;
        yield return Fp.FromBigInteger(p - 1);
        yield return Fp.FromBigInteger(p - 2);
        yield return Fp.FromBigInteger((p - 1) / 2);
        yield return Fp.FromBigInteger(BigInteger.One << 200);
        for (var i = 0; i < 30; i++)
        {
            yield return RandomFp();
        }
    }

    [Fact]
    public void Montgomery_multiplication_matches_BigInteger()
    {
        var p = Fp.Modulus;
        foreach (var a in Samples())
        {
            foreach (var b in Samples().Take(8))
            {
                Assert.Equal(a.ToBigInteger() * b.ToBigInteger() % p, (a * b).ToBigInteger());
                Assert.Equal((a.ToBigInteger() + b.ToBigInteger()) % p, (a + b).ToBigInteger());
                Assert.Equal(((a.ToBigInteger() - b.ToBigInteger()) % p + p) % p, (a - b).ToBigInteger());
            }
        }
    }

    [Fact]
    public void Fp2_multiplication_matches_schoolbook_formula()
    {
        var samples = Samples().ToArray();
        for (var i = 0; i < samples.Length; i++)
        {
            var x = new Fp2(samples[i], samples[(i + 5) % samples.Length]);
            var y = new Fp2(samples[(i * 7 + 1) % samples.Length], samples[(i + 11) % samples.Length]);
            Assert.Equal(new Fp2((x.A * y.A) - (x.B * y.B), (x.A * y.B) + (x.B * y.A)), x * y);
            Assert.Equal(x * x, x.Square());
        }
    }

    [Fact]
    public void Inverse_and_square_root_hold()
    {
        foreach (var a in Samples().Where(a => !a.IsZero))
        {
            Assert.Equal(Fp.One, a * a.Invert());
            var square = a.Square();
            Assert.True(square.TrySqrt(out var root));
            Assert.True(root == a || root == -a);
            var x2 = new Fp2(a, RandomFp());
            Assert.Equal(Fp2.One, x2 * x2.Invert());
        }
    }
}
