using Civitas.Pairing.Tests.Support;
using static Civitas.Pairing.Tests.Support.Points;

namespace Civitas.Pairing.Tests.Vectors;

/// <summary>Known answers for G2 from Milagro's ecp2/BN254CX.json (every case, every field).</summary>
public sealed class G2VectorTests
{
    public static TheoryData<int> Cases() => CaseIndexes.For("ecp2_BN254CX.json");

    [Theory]
    [MemberData(nameof(Cases))]
    public void Group_law_fields_match(int index)
    {
        var v = Repository.LoadVectors("ecp2_BN254CX.json")[index];
        var p1 = G2(v.Str("ECP21"));
        var p2 = G2(v.Str("ECP22"));
        var sum = G2(v.Str("ECP2sum"));

        Assert.Equal(sum, p1 + p2);
        Assert.Equal(sum, p2 + p1);
        Assert.Equal((p1 + p2) + sum, p1 + (p2 + sum));
        Assert.Equal(G2(v.Str("ECP2neg")), -p1);
        Assert.Equal(G2(v.Str("ECP2sub")), p1 - p2);
        Assert.Equal(G2(v.Str("ECP2dbl")), p1.Double());
        Assert.True((p1 - p1).IsInfinity);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Scalar_multiplication_fields_match(int index)
    {
        var v = Repository.LoadVectors("ecp2_BN254CX.json")[index];
        var points = new[] { "ECP21", "ECP22", "ECP23", "ECP24" }.Select(k => G2(v.Str(k))).ToArray();
        var scalars = new[] { "BIGscalar1", "BIGscalar2", "BIGscalar3", "BIGscalar4" }.Select(k => ScalarBytes(v.Str(k))).ToArray();

        Assert.Equal(G2(v.Str("ECP2mul")), points[0].Multiply(scalars[0]));
        var combination = G2Point.Infinity;
        for (var i = 0; i < 4; i++)
        {
            combination += points[i].Multiply(scalars[i]);
        }

        Assert.Equal(G2(v.Str("ECP2mul4")), combination);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Invalid_points_are_refused_and_set_points_lie_over_the_same_x(int index)
    {
        var v = Repository.LoadVectors("ecp2_BN254CX.json")[index];
        Assert.False(TryG2(v.Str("ECP2wrong"), out _));
        Assert.False(TryG2(v.Str("ECP2inf"), out _));

        var p1 = G2(v.Str("ECP21"));
        foreach (var key in new[] { "ECP2set1", "ECP2set2" })
        {
            var set = G2(v.Str(key));
            Assert.True(set.Equals(p1) || set.Equals(-p1), $"{key} should be ±ECP21");
        }
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decoding_refuses_vector_points_outside_G2(int index)
    {
        // Milagro's ECP2 vectors are random points of the twist, which has a large cofactor: they are on E'
        // but (with overwhelming probability) outside the order-r subgroup, so Decode must refuse them.
        var v = Repository.LoadVectors("ecp2_BN254CX.json")[index];
        var p = G2(v.Str("ECP2mul"));
        Assert.False(G2Point.IsInSubgroup(p.X, p.Y));
        var error = Assert.Throws<PairingFormatException>(() => G2Point.Decode(p.Encode()));
        Assert.Contains("subgroup", error.Message, StringComparison.Ordinal);
    }
}
