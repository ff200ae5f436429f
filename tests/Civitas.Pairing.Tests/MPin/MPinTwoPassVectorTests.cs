using System.Security.Cryptography;
using System.Text;
using Civitas.Pairing.MPin;
using Civitas.Pairing.Tests.Support;

namespace Civitas.Pairing.Tests.MPin;

/// <summary>
/// Every case of mpin_MPIN_BN254CX.json (two-pass with time permits), field by field, plus rejecting
/// cases derived from each accepting one.
/// </summary>
public sealed class MPinTwoPassVectorTests
{
    private const string File = "mpin_MPIN_BN254CX.json";

    public static TheoryData<int> Cases() => CaseIndexes.For(File);

    private static byte[] H(System.Text.Json.JsonElement v, string key) => Convert.FromHexString(v.Str(key));

    private static int I(System.Text.Json.JsonElement v, string key) => int.Parse(v.Str(key), System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [MemberData(nameof(Cases))]
    public void Secrets_shares_and_permits_match(int index)
    {
        var v = Repository.LoadVectors(File)[index];
        var id = H(v, "MPIN_ID_HEX");
        Assert.Equal(v.Str("mpin_id"), Encoding.UTF8.GetString(id));
        Assert.Equal(H(v, "HASH_MPIN_ID_HEX"), SHA256.HashData(id));

        Assert.Equal(H(v, "SS1"), MPinSecrets.ServerSecret(H(v, "MS1")));
        Assert.Equal(H(v, "SS2"), MPinSecrets.ServerSecret(H(v, "MS2")));
        Assert.Equal(H(v, "SERVER_SECRET"), MPinSecrets.CombineG2(H(v, "SS1"), H(v, "SS2")));

        Assert.Equal(H(v, "CS1"), MPinSecrets.ClientSecret(H(v, "MS1"), id));
        Assert.Equal(H(v, "CS2"), MPinSecrets.ClientSecret(H(v, "MS2"), id));
        Assert.Equal(H(v, "CLIENT_SECRET"), MPinSecrets.CombineG1(H(v, "CS1"), H(v, "CS2")));

        var date = I(v, "DATE");
        Assert.Equal(H(v, "TP1"), MPinSecrets.TimePermit(H(v, "MS1"), id, date));
        Assert.Equal(H(v, "TP2"), MPinSecrets.TimePermit(H(v, "MS2"), id, date));
        Assert.Equal(H(v, "TIME_PERMIT"), MPinSecrets.CombineG1(H(v, "TP1"), H(v, "TP2")));

        Assert.Equal(H(v, "TOKEN"), MPinClient.ExtractPin(id, I(v, "PIN1"), H(v, "CLIENT_SECRET")));
        Assert.Equal(H(v, "CLIENT_SECRET"), MPinClient.RestorePin(id, I(v, "PIN1"), H(v, "TOKEN")));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Client_passes_and_server_check_match(int index)
    {
        var v = Repository.LoadVectors(File)[index];
        var id = H(v, "MPIN_ID_HEX");
        var pass1 = MPinClient.Pass1(id, I(v, "PIN2"), H(v, "TOKEN"), I(v, "DATE"), H(v, "TIME_PERMIT"), H(v, "X"));
        Assert.Equal(H(v, "U"), pass1.U);
        Assert.Equal(H(v, "UT"), pass1.UT);
        Assert.Equal(H(v, "SEC"), pass1.Sec);
        Assert.Equal(H(v, "V"), MPinClient.Pass2(H(v, "X"), H(v, "Y"), pass1.Sec));

        var accepted = MPinServer.Verify(H(v, "SERVER_SECRET"), id, H(v, "U"), H(v, "UT"), I(v, "DATE"), H(v, "Y"), H(v, "V"));
        Assert.Equal(v.Str("SERVER_OUTPUT") == "0", accepted);
        Assert.True(accepted);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Derived_rejecting_cases_are_refused(int index)
    {
        var v = Repository.LoadVectors(File)[index];
        var id = H(v, "MPIN_ID_HEX");
        var sst = MPinServer.DecodeServerSecret(H(v, "SERVER_SECRET"));
        var date = I(v, "DATE");
        var (u, ut, y, vv) = (H(v, "U"), H(v, "UT"), H(v, "Y"), H(v, "V"));

        // Wrong PIN: the client runs both passes honestly but with PIN + 1.
        var wrong = MPinClient.Pass1(id, I(v, "PIN2") + 1, H(v, "TOKEN"), date, H(v, "TIME_PERMIT"), H(v, "X"));
        Assert.False(MPinServer.Verify(sst, id, wrong.U, wrong.UT, date, y, MPinClient.Pass2(wrong.X, y, wrong.Sec)));

        // Wrong y: V answers the vector's y, the server asks about another.
        var otherY = Scalar.FromBigInteger(VectorText.Big(v.Str("Y")) + 1).ToBytes();
        Assert.False(MPinServer.Verify(sst, id, u, ut, date, otherY, vv));

        // Tampered U/UT and V (still valid curve points): shifted by the generator.
        var g = G1Point.Generator;
        Assert.False(MPinServer.Verify(sst, id, u, (G1Point.Decode(ut) + g).Encode(), date, y, vv));
        Assert.False(MPinServer.Verify(sst, id, u, ut, date, y, (G1Point.Decode(vv) + g).Encode()));
        Assert.False(MPinServer.Verify(sst, id, u, ut, date, y, (-G1Point.Decode(vv)).Encode()));

        // Wrong date: the permit for DATE does not cover DATE + 1.
        Assert.False(MPinServer.Verify(sst, id, u, ut, date + 1, y, vv));

        // Another identity's token, issued by the same master secret, presented for this identity.
        var master = (Scalar.FromBytes(H(v, "MS1")) + Scalar.FromBytes(H(v, "MS2"))).ToBytes();
        var otherId = Encoding.UTF8.GetBytes("mallory@example.org");
        var otherToken = MPinClient.ExtractPin(otherId, 1234, MPinSecrets.ClientSecret(master, otherId));
        var otherPermit = MPinSecrets.TimePermit(master, otherId, date);
        var stolen = MPinClient.Pass1(otherId, 1234, otherToken, date, otherPermit);
        var stolenV = MPinClient.Pass2(stolen.X, y, stolen.Sec);
        Assert.True(MPinServer.Verify(sst, otherId, stolen.U, stolen.UT, date, y, stolenV));
        Assert.False(MPinServer.Verify(sst, id, stolen.U, stolen.UT, date, y, stolenV));
        var mixed = MPinClient.Pass1(id, 1234, otherToken, date, H(v, "TIME_PERMIT"));
        Assert.False(MPinServer.Verify(sst, id, mixed.U, mixed.UT, date, y, MPinClient.Pass2(mixed.X, y, mixed.Sec)));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Malformed_encodings_throw_format_errors(int index)
    {
        var v = Repository.LoadVectors(File)[index];
        var id = H(v, "MPIN_ID_HEX");
        var sst = MPinServer.DecodeServerSecret(H(v, "SERVER_SECRET"));
        var flipped = H(v, "V");
        flipped[40] ^= 0x01;
        Assert.Throws<PairingFormatException>(() =>
            MPinServer.Verify(sst, id, H(v, "U"), H(v, "UT"), I(v, "DATE"), H(v, "Y"), flipped));
        Assert.Throws<PairingFormatException>(() =>
            MPinServer.Verify(sst, id, H(v, "U"), H(v, "UT").AsSpan(1), I(v, "DATE"), H(v, "Y"), H(v, "V")));
        var badSecret = H(v, "SERVER_SECRET");
        badSecret[127] ^= 0x01;
        Assert.Throws<PairingFormatException>(() => MPinServer.DecodeServerSecret(badSecret));
    }
}
