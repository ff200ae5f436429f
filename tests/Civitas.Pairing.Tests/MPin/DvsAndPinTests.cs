using System.Text;
using Civitas.Pairing.MPin;

namespace Civitas.Pairing.Tests.MPin;

/// <summary>DVS signatures and 6-digit PIN handling, end to end through the public API.</summary>
public sealed class DvsAndPinTests
{
    private static readonly byte[] MpinId = Encoding.UTF8.GetBytes("{\"userID\":\"bob@example.org\",\"cID\":\"civitas\"}");
    private static readonly byte[] Message = Encoding.UTF8.GetBytes("approve payment 42");
    private const uint Timestamp = 1_763_942_400;
    private const int Pin = 482_913;

    [Fact]
    public void Dvs_signature_verifies_and_every_tampering_is_refused()
    {
        var master = MPinSecrets.GenerateMasterSecret();
        var sst = MPinServer.DecodeServerSecret(MPinSecrets.ServerSecret(master));
        var keys = Dvs.GenerateKeyPair();
        var signingId = Dvs.SigningIdentity(MpinId, keys.PublicKey);
        var token = MPinClient.ExtractPin(signingId, Pin, Dvs.ClientSecret(MPinSecrets.ClientSecret(master, signingId), keys.Z));
        var signature = Dvs.Sign(signingId, Pin, token, Timestamp, Message);

        Assert.True(Dvs.Verify(sst, MpinId, keys.PublicKey, Timestamp, Message, signature.U, signature.V));

        var wrongPin = Dvs.Sign(signingId, Pin + 1, token, Timestamp, Message);
        Assert.False(Dvs.Verify(sst, MpinId, keys.PublicKey, Timestamp, Message, wrongPin.U, wrongPin.V));
        Assert.False(Dvs.Verify(sst, MpinId, keys.PublicKey, Timestamp, Encoding.UTF8.GetBytes("approve payment 43"), signature.U, signature.V));
        Assert.False(Dvs.Verify(sst, MpinId, keys.PublicKey, Timestamp - 1, Message, signature.U, signature.V));
        Assert.False(Dvs.Verify(sst, Encoding.UTF8.GetBytes("{\"userID\":\"eve@example.org\"}"), keys.PublicKey, Timestamp, Message, signature.U, signature.V));
        Assert.False(Dvs.Verify(sst, MpinId, Dvs.GenerateKeyPair().PublicKey, Timestamp, Message, signature.U, signature.V));
        var g = G1Point.Generator;
        Assert.False(Dvs.Verify(sst, MpinId, keys.PublicKey, Timestamp, Message, (G1Point.Decode(signature.U) + g).Encode(), signature.V));
        Assert.False(Dvs.Verify(sst, MpinId, keys.PublicKey, Timestamp, Message, signature.U, (G1Point.Decode(signature.V) + g).Encode()));
        var otherServer = MPinServer.DecodeServerSecret(MPinSecrets.ServerSecret(MPinSecrets.GenerateMasterSecret()));
        Assert.False(Dvs.Verify(otherServer, MpinId, keys.PublicKey, Timestamp, Message, signature.U, signature.V));

        // Without multiplying the client secret by z, the key pair is not bound: the signature fails.
        var unbound = MPinClient.ExtractPin(signingId, Pin, MPinSecrets.ClientSecret(master, signingId));
        var unboundSignature = Dvs.Sign(signingId, Pin, unbound, Timestamp, Message);
        Assert.False(Dvs.Verify(sst, MpinId, keys.PublicKey, Timestamp, Message, unboundSignature.U, unboundSignature.V));
    }

    [Fact]
    public void Six_digit_pins_are_used_whole()
    {
        // Milagro's default MAXPIN of 10 000 would make 3456 and 13456 the same PIN; Trust uses 1 000 000.
        var master = MPinSecrets.GenerateMasterSecret();
        var sst = MPinServer.DecodeServerSecret(MPinSecrets.ServerSecret(master));
        var token = MPinClient.ExtractPin(MpinId, 13_456, MPinSecrets.ClientSecret(master, MpinId));

        var right = MPinClient.OnePass(MpinId, 13_456, token, Timestamp);
        Assert.True(MPinServer.VerifyOnePass(sst, MpinId, Timestamp, right.U, right.V));
        var truncated = MPinClient.OnePass(MpinId, 3_456, token, Timestamp);
        Assert.False(MPinServer.VerifyOnePass(sst, MpinId, Timestamp, truncated.U, truncated.V));
        // PINs are taken modulo MAXPIN, as the Trust clients do.
        var wrapped = MPinClient.OnePass(MpinId, 1_013_456, token, Timestamp);
        Assert.True(MPinServer.VerifyOnePass(sst, MpinId, Timestamp, wrapped.U, wrapped.V));
        Assert.Throws<ArgumentOutOfRangeException>(() => MPinClient.OnePass(MpinId, -1, token, Timestamp));
    }

    [Fact]
    public void Two_pass_without_time_permit_round_trips_through_hex()
    {
        var master = MPinSecrets.GenerateMasterSecret();
        var sstHex = MPinHex.Encode(MPinSecrets.ServerSecret(master));
        var token = MPinClient.ExtractPin(MpinId, Pin, MPinSecrets.ClientSecret(master, MpinId));
        var pass1 = MPinClient.Pass1(MpinId, Pin, token);
        Assert.Null(pass1.UT);
        var y = MPinServer.GenerateChallenge();
        var v = MPinHex.Encode(MPinClient.Pass2(pass1.X, y, pass1.Sec));
        Assert.True(MPinServer.Verify(MPinHex.Decode(sstHex), MpinId, MPinHex.Decode(MPinHex.Encode(pass1.U)), default, 0, y, MPinHex.Decode(v)));
        Assert.Throws<PairingFormatException>(() => MPinHex.Decode("0g"));
        Assert.Throws<PairingFormatException>(() => MPinHex.Decode("abc"));
        Assert.Equal(sstHex, sstHex.ToLowerInvariant());
    }
}
