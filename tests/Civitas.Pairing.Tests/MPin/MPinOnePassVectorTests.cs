using System.Globalization;
using System.Text;
using System.Text.Json;
using Civitas.Pairing.MPin;
using Civitas.Pairing.Tests.Support;

namespace Civitas.Pairing.Tests.MPin;

/// <summary>Every case of mpin_MPIN_ONE_PASS_BN254CX.json (one-pass, DATE = 0), plus derived rejecting cases.</summary>
public sealed class MPinOnePassVectorTests
{
    private const string File = "mpin_MPIN_ONE_PASS_BN254CX.json";

    public static TheoryData<int> Cases() => CaseIndexes.For(File);

    private static byte[] H(JsonElement v, string key) => Convert.FromHexString(v.Str(key));

    private static int I(JsonElement v, string key) => int.Parse(v.Str(key), CultureInfo.InvariantCulture);

    private static uint Time(JsonElement v) => uint.Parse(v.Str("TimeValue"), CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Shares_token_and_signature_match(int index)
    {
        var v = Repository.LoadVectors(File)[index];
        var id = H(v, "MPIN_ID_HEX");
        Assert.Equal(0, I(v, "DATE"));

        Assert.Equal(H(v, "SERVER_SECRET"), MPinSecrets.CombineG2(H(v, "SS1"), H(v, "SS2")));
        Assert.Equal(H(v, "CLIENT_SECRET"), MPinSecrets.CombineG1(H(v, "CS1"), H(v, "CS2")));
        Assert.Equal(H(v, "TOKEN"), MPinClient.ExtractPin(id, I(v, "PIN1"), H(v, "CLIENT_SECRET")));

        // No master shares in this file: check each share pair through the pairing, e(CSᵢ, Q) = e(H(ID), SSᵢ).
        var idPoint = MPinHash.IdentityPoint(id);
        foreach (var (cs, ss) in new[] { ("CS1", "SS1"), ("CS2", "SS2") })
        {
            Assert.Equal(
                Pairing.Compute(G1Point.Decode(H(v, cs)), G2Point.Generator),
                Pairing.Compute(idPoint, G2Point.Decode(H(v, ss))));
        }

        var signature = MPinClient.OnePass(id, I(v, "PIN2"), H(v, "TOKEN"), Time(v), default, H(v, "X"));
        Assert.Equal(H(v, "U"), signature.U);
        Assert.Equal(H(v, "Y"), signature.Y);
        Assert.Equal(H(v, "SEC"), signature.V);
        Assert.Equal(H(v, "Y"), MPinServer.OnePassChallenge(Time(v), H(v, "U")));

        var sst = MPinServer.DecodeServerSecret(H(v, "SERVER_SECRET"));
        Assert.True(MPinServer.VerifyOnePass(sst, id, Time(v), H(v, "U"), H(v, "SEC")));
        Assert.True(MPinServer.Verify(sst, id, H(v, "U"), default, 0, H(v, "Y"), H(v, "SEC")));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Derived_rejecting_cases_are_refused(int index)
    {
        var v = Repository.LoadVectors(File)[index];
        var id = H(v, "MPIN_ID_HEX");
        var sst = MPinServer.DecodeServerSecret(H(v, "SERVER_SECRET"));
        var (u, vv, time) = (H(v, "U"), H(v, "SEC"), Time(v));

        // Wrong PIN.
        var wrongPin = MPinClient.OnePass(id, I(v, "PIN2") + 7, H(v, "TOKEN"), time, default, H(v, "X"));
        Assert.False(MPinServer.VerifyOnePass(sst, id, time, wrongPin.U, wrongPin.V));

        // Wrong y: a different time (so y) than the one signed, or a message the client never bound.
        Assert.False(MPinServer.VerifyOnePass(sst, id, time + 1, u, vv));
        Assert.False(MPinServer.VerifyOnePass(sst, id, time, u, vv, Encoding.UTF8.GetBytes("extra")));

        // Tampered U and V (valid points).
        var g = G1Point.Generator;
        Assert.False(MPinServer.VerifyOnePass(sst, id, time, (G1Point.Decode(u) + g).Encode(), vv));
        Assert.False(MPinServer.VerifyOnePass(sst, id, time, u, (G1Point.Decode(vv) + g).Encode()));

        // Another identity: this identity's values presented for someone else, and another case's token here.
        Assert.False(MPinServer.VerifyOnePass(sst, Encoding.UTF8.GetBytes("someone-else@miracl.com"), time, u, vv));
        var other = Repository.LoadVectors(File)[(index + 1) % Repository.LoadVectors(File).Length];
        var foreign = MPinClient.OnePass(id, 0, H(other, "TOKEN"), time);
        Assert.False(MPinServer.VerifyOnePass(sst, id, time, foreign.U, foreign.V));
    }
}
