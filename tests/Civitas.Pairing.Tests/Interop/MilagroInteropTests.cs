using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Civitas.Pairing.MPin;
using Civitas.Pairing.Tests.Support;

namespace Civitas.Pairing.Tests.Interop;

/// <summary>
/// Interoperability with an independent implementation, Apache Milagro (milagro-crypto-js 3.3.0) run under Node,
/// configured like MIRACL Trust clients (MAXPIN 1 000 000, so a 6-digit PIN is used whole).
/// Milagro → Civitas: Civitas verifies Milagro's values and reproduces every deterministic one.
/// Civitas → Milagro: Milagro verifies Civitas' values and recomputes the deterministic ones.
/// </summary>
public sealed class MilagroInteropTests
{
    private const int Pin = 731_946;
    private const int Date = 20_413;
    private const uint TimeValue = 1_763_942_400;
    private static readonly byte[] MpinId = Encoding.UTF8.GetBytes(
        "{\"iat\":1763942400,\"userID\":\"alice@example.org\",\"cID\":\"civitas\",\"salt\":\"5f1b\",\"v\":5,\"scope\":[\"auth\"],\"dta\":[],\"vt\":\"dvs\"}");

    private static readonly byte[] Message = SHA(Encoding.UTF8.GetBytes("transfer 100 EUR to Bob"));

    private static byte[] SHA(byte[] data) => System.Security.Cryptography.SHA256.HashData(data);

    private static byte[] H(JsonElement e, string key) => Convert.FromHexString(e.GetProperty(key).GetString()!);

    [Fact]
    public void Civitas_verifies_and_reproduces_what_Milagro_generates()
    {
        var y = MPinServer.GenerateChallenge();
        var m = NodeMilagro.Run(new JsonObject
        {
            ["mode"] = "generate",
            ["id"] = MPinHex.Encode(MpinId),
            ["pin"] = Pin,
            ["date"] = Date,
            ["y"] = MPinHex.Encode(y),
            ["timeValue"] = TimeValue,
            ["message"] = MPinHex.Encode(Message),
        });
        Assert.Equal(0, m.GetProperty("selfCheckTwoPass").GetInt32());

        // Secrets and shares.
        Assert.Equal(H(m, "ss1"), MPinSecrets.ServerSecret(H(m, "ms1")));
        Assert.Equal(H(m, "ss2"), MPinSecrets.ServerSecret(H(m, "ms2")));
        Assert.Equal(H(m, "serverSecret"), MPinSecrets.CombineG2(H(m, "ss1"), H(m, "ss2")));
        Assert.Equal(H(m, "cs1"), MPinSecrets.ClientSecret(H(m, "ms1"), MpinId));
        Assert.Equal(H(m, "clientSecret"), MPinSecrets.CombineG1(H(m, "cs1"), H(m, "cs2")));
        Assert.Equal(H(m, "token"), MPinClient.ExtractPin(MpinId, Pin, H(m, "clientSecret")));
        var master = (Scalar.FromBytes(H(m, "ms1")) + Scalar.FromBytes(H(m, "ms2"))).ToBytes();
        Assert.Equal(H(m, "timePermit"), MPinSecrets.TimePermit(master, MpinId, Date));

        // Two-pass with time permit: Civitas accepts Milagro's client and reproduces its pass values from x.
        var sst = MPinServer.DecodeServerSecret(H(m, "serverSecret"));
        Assert.True(MPinServer.Verify(sst, MpinId, H(m, "u"), H(m, "ut"), Date, y, H(m, "v")));
        var pass1 = MPinClient.Pass1(MpinId, Pin, H(m, "token"), Date, H(m, "timePermit"), H(m, "x"));
        Assert.Equal(H(m, "u"), pass1.U);
        Assert.Equal(H(m, "ut"), pass1.UT);
        Assert.Equal(H(m, "sec"), pass1.Sec);
        Assert.Equal(H(m, "v"), MPinClient.Pass2(H(m, "x"), y, pass1.Sec));
        Assert.False(MPinServer.Verify(sst, MpinId, H(m, "u"), H(m, "ut"), Date, MPinServer.GenerateChallenge(), H(m, "v")));

        // One-pass.
        Assert.True(MPinServer.VerifyOnePass(sst, MpinId, TimeValue, H(m, "onePassU"), H(m, "onePassV")));
        var onePass = MPinClient.OnePass(MpinId, Pin, H(m, "token"), TimeValue, default, H(m, "onePassX"));
        Assert.Equal(H(m, "onePassU"), onePass.U);
        Assert.Equal(H(m, "onePassY"), onePass.Y);
        Assert.Equal(H(m, "onePassV"), onePass.V);

        // DVS.
        var publicKey = H(m, "dvsPublicKey");
        Assert.Equal(publicKey, Dvs.KeyPairFromSecret(H(m, "dvsZ")).PublicKey);
        var signingId = Dvs.SigningIdentity(MpinId, publicKey);
        Assert.Equal(H(m, "dvsToken"), MPinClient.ExtractPin(signingId, Pin, Dvs.ClientSecret(H(m, "dvsClientSecret"), H(m, "dvsZ"))));
        Assert.True(Dvs.Verify(sst, MpinId, publicKey, TimeValue, Message, H(m, "dvsU"), H(m, "dvsV")));
        Assert.True(Dvs.Verify(sst, MpinId, G2Point.Decode(publicKey), TimeValue, Message, H(m, "dvsU"), H(m, "dvsV")));
        Assert.False(Dvs.Verify(sst, MpinId, G2Point.Generator, TimeValue, Message, H(m, "dvsU"), H(m, "dvsV")));
        Assert.False(Dvs.Verify(sst, MpinId, publicKey, TimeValue + 1, Message, H(m, "dvsU"), H(m, "dvsV")));
        Assert.False(Dvs.Verify(sst, MpinId, publicKey, TimeValue, SHA(Message), H(m, "dvsU"), H(m, "dvsV")));
        var signature = Dvs.Sign(signingId, Pin, H(m, "dvsToken"), TimeValue, Message, H(m, "dvsX"));
        Assert.Equal(H(m, "dvsU"), signature.U);
        Assert.Equal(H(m, "dvsY"), signature.Y);
        Assert.Equal(H(m, "dvsV"), signature.V);
    }

    [Fact]
    public void Milagro_verifies_and_reproduces_what_Civitas_generates()
    {
        var master = MPinSecrets.GenerateMasterSecret();
        var serverSecret = MPinSecrets.ServerSecret(master);
        var clientSecret = MPinSecrets.ClientSecret(master, MpinId);
        var token = MPinClient.ExtractPin(MpinId, Pin, clientSecret);
        var permit = MPinSecrets.TimePermit(master, MpinId, Date);

        var y = MPinServer.GenerateChallenge();
        var pass1 = MPinClient.Pass1(MpinId, Pin, token, Date, permit);
        var v = MPinClient.Pass2(pass1.X, y, pass1.Sec);
        var wrongPin = MPinClient.Pass1(MpinId, Pin - 1, token, Date, permit);
        var wrongPinV = MPinClient.Pass2(wrongPin.X, y, wrongPin.Sec);

        var onePass = MPinClient.OnePass(MpinId, Pin, token, TimeValue);

        var keyPair = Dvs.GenerateKeyPair();
        var signingId = Dvs.SigningIdentity(MpinId, keyPair.PublicKey);
        var dvsToken = MPinClient.ExtractPin(signingId, Pin, Dvs.ClientSecret(MPinSecrets.ClientSecret(master, signingId), keyPair.Z));
        var signature = Dvs.Sign(signingId, Pin, dvsToken, TimeValue, Message);

        var m = NodeMilagro.Run(new JsonObject
        {
            ["mode"] = "verify",
            ["id"] = MPinHex.Encode(MpinId),
            ["pin"] = Pin,
            ["date"] = Date,
            ["timeValue"] = TimeValue,
            ["message"] = MPinHex.Encode(Message),
            ["masterSecret"] = MPinHex.Encode(master),
            ["serverSecret"] = MPinHex.Encode(serverSecret),
            ["clientSecret"] = MPinHex.Encode(clientSecret),
            ["y"] = MPinHex.Encode(y),
            ["u"] = MPinHex.Encode(pass1.U),
            ["ut"] = MPinHex.Encode(pass1.UT!),
            ["v"] = MPinHex.Encode(v),
            ["wrongPinU"] = MPinHex.Encode(wrongPin.U),
            ["wrongPinUT"] = MPinHex.Encode(wrongPin.UT!),
            ["wrongPinV"] = MPinHex.Encode(wrongPinV),
            ["onePassU"] = MPinHex.Encode(onePass.U),
            ["onePassV"] = MPinHex.Encode(onePass.V),
            ["dvsZ"] = MPinHex.Encode(keyPair.Z),
            ["dvsPublicKey"] = MPinHex.Encode(keyPair.PublicKey),
            ["dvsU"] = MPinHex.Encode(signature.U),
            ["dvsV"] = MPinHex.Encode(signature.V),
        });

        Assert.Equal(serverSecret, H(m, "serverSecret"));
        Assert.Equal(clientSecret, H(m, "clientSecret"));
        Assert.Equal(token, H(m, "token"));
        Assert.Equal(permit, H(m, "timePermit"));
        Assert.Equal(keyPair.PublicKey, H(m, "dvsPublicKey"));
        Assert.Equal(onePass.Y, H(m, "onePassY"));

        const int BadPin = -19;
        Assert.Equal(0, m.GetProperty("twoPass").GetInt32());
        Assert.Equal(BadPin, m.GetProperty("twoPassWrongPin").GetInt32());
        Assert.Equal(0, m.GetProperty("onePass").GetInt32());
        Assert.Equal(0, m.GetProperty("dvs").GetInt32());
        Assert.Equal(BadPin, m.GetProperty("dvsOtherMessage").GetInt32());
    }
}
