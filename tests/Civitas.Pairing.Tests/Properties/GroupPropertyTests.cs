using System.Numerics;
using System.Security.Cryptography;

namespace Civitas.Pairing.Tests.Properties;

/// <summary>Group-law and encoding properties on random points, comparing independent code paths.</summary>
public sealed class GroupPropertyTests
{
    private static Scalar RandomScalar() => Scalar.FromBytes(RandomNumberGenerator.GetBytes(32));

    [Fact]
    public void Constant_time_and_public_multiplication_agree()
    {
        for (var i = 0; i < 4; i++)
        {
            var k = RandomScalar();
            var p = G1Point.Generator.Multiply(RandomScalar());
            var q = G2Point.Generator.Multiply(RandomScalar());
            Assert.Equal(p.Multiply(k), G1Point.FromProjective(G1Projective.MultiplyPublic(p.ToProjective(), k.Value)));
            Assert.Equal(q.Multiply(k), G2Point.FromProjective(G2Projective.MultiplyPublic(q.ToProjective(), k.Value)));
        }
    }

    [Fact]
    public void Glv_split_recombines_and_matches_plain_multiplication()
    {
        Assert.Equal(Fp.One, Glv.Beta.Square() * Glv.Beta);
        Assert.Equal(G1Point.Generator.Multiply(Scalar.FromBigInteger(Glv.Lambda)), G1Point.FromProjective(
            new G1Projective(G1Point.Generator.X * Glv.Beta, G1Point.Generator.Y, Fp.One)));
        var edges = new[] { BigInteger.Zero, BigInteger.One, Scalar.Order - 1, Glv.Lambda, (BigInteger.One << 253) + 12345 };
        var randoms = Enumerable.Range(0, 20).Select(_ => RandomScalar().ToBigInteger());
        foreach (var value in edges.Concat(randoms))
        {
            var k = Scalar.FromBigInteger(value);
            Glv.Decompose(k, out var k1, out var n1, out var k2, out var n2);
            Assert.True(k1.ToBigInteger().GetBitLength() <= Glv.Bits && k2.ToBigInteger().GetBitLength() <= Glv.Bits);
            var s1 = n1 == 0 ? k1.ToBigInteger() : -k1.ToBigInteger();
            var s2 = n2 == 0 ? k2.ToBigInteger() : -k2.ToBigInteger();
            Assert.Equal(BigInteger.Zero, BigInteger.Remainder(s1 + (s2 * Glv.Lambda) - value, Scalar.Order));
        }

        for (var i = 0; i < 4; i++)
        {
            var k = RandomScalar();
            var p = G1Point.Generator.Multiply(RandomScalar()).ToProjective();
            Assert.True(G1Projective.MultiplyGlv(p, k).EqualsPoint(G1Projective.Multiply(p, k)));
        }
    }

    [Fact]
    public void Window_naf_recodes_back_to_the_value()
    {
        Span<sbyte> digits = stackalloc sbyte[WindowNaf.MaxDigits];
        var values = new[] { BigInteger.Zero, BigInteger.One, (BigInteger.One << 256) - 1, Scalar.Order }
            .Concat(Enumerable.Range(0, 20).Select(_ => new BigInteger(RandomNumberGenerator.GetBytes(32), isUnsigned: true)));
        foreach (var value in values)
        {
            var count = WindowNaf.Digits(Arithmetic.U256.FromBigInteger(value), 5, digits);
            var sum = BigInteger.Zero;
            for (var i = count - 1; i >= 0; i--)
            {
                Assert.True(digits[i] == 0 || (Math.Abs((int)digits[i]) % 2 == 1 && Math.Abs((int)digits[i]) < 16));
                sum = (sum * 2) + digits[i];
            }

            Assert.Equal(value, sum);
        }
    }

    [Fact]
    public void Scalar_multiplication_distributes_and_handles_edge_scalars()
    {
        var a = RandomScalar();
        var b = RandomScalar();
        var p = G1Point.Generator.Multiply(RandomScalar());
        Assert.Equal(p.Multiply(a + b), p.Multiply(a) + p.Multiply(b));
        Assert.Equal(p.Multiply(a).Multiply(b), p.Multiply(a * b));
        Assert.True(p.Multiply(Scalar.FromUInt64(0)).IsInfinity);
        Assert.Equal(p, p.Multiply(Scalar.FromUInt64(1)));
        Assert.Equal(p + p + p, p.Multiply(Scalar.FromUInt64(3)));
        // Scalars are reduced modulo r: r + 5 acts as 5.
        var rPlus5 = (Scalar.Order + 5).ToByteArray(isUnsigned: true, isBigEndian: true);
        Assert.Equal(p.Multiply(Scalar.FromUInt64(5)), p.Multiply(rPlus5));
    }

    [Fact]
    public void Scalar_inverse_and_reduction_match_BigInteger()
    {
        var a = RandomScalar();
        Assert.Equal(BigInteger.ModPow(a.ToBigInteger(), Scalar.Order - 2, Scalar.Order), a.Invert().ToBigInteger());
        Assert.Equal(Scalar.FromUInt64(1), a * a.Invert());
        var max = Enumerable.Repeat((byte)0xFF, 32).ToArray();
        Assert.Equal(((BigInteger.One << 256) - 1) % Scalar.Order, Scalar.FromBytes(max).ToBigInteger());
    }

    [Fact]
    public void Encodings_round_trip_and_reject_tampering()
    {
        for (var i = 0; i < 3; i++)
        {
            var p = G1Point.Generator.Multiply(RandomScalar());
            var q = G2Point.Generator.Multiply(RandomScalar());
            Assert.Equal(p, G1Point.Decode(p.Encode()));
            Assert.Equal(q, G2Point.Decode(q.Encode()));

            var badP = p.Encode();
            badP[64] ^= 0x02;
            Assert.Throws<PairingFormatException>(() => G1Point.Decode(badP));
            var badPrefix = p.Encode();
            badPrefix[0] = 0x02;
            Assert.Throws<PairingFormatException>(() => G1Point.Decode(badPrefix));
            var badQ = q.Encode();
            badQ[0] ^= 0x01;
            Assert.Throws<PairingFormatException>(() => G2Point.Decode(badQ));
        }

        // Non-canonical coordinate: x + p encodes the same residue but must be refused.
        var g = G1Point.Generator.Encode();
        var y = G1Point.Generator.Y.ToBigInteger() + Fp.Modulus;
        var nonCanonical = (byte[])g.Clone();
        y.ToByteArray(isUnsigned: true, isBigEndian: true).CopyTo(nonCanonical, 33 + 32 - y.ToByteArray(isUnsigned: true, isBigEndian: true).Length);
        var error = Assert.Throws<PairingFormatException>(() => G1Point.Decode(nonCanonical));
        Assert.Contains("non-canonical", error.Message, StringComparison.Ordinal);

        Assert.Throws<PairingFormatException>(() => G1Point.Decode(new byte[64]));
        Assert.Throws<PairingFormatException>(() => G2Point.Decode(new byte[129]));
        Assert.Throws<PairingFormatException>(() => G2Point.Decode(new byte[128]));
    }
}
