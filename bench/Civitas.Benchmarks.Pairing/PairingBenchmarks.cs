using System.Security.Cryptography;
using System.Text;
using BenchmarkDotNet.Attributes;
using Civitas.Pairing;
using Civitas.Pairing.MPin;

namespace Civitas.Benchmarks.Pairing;

/// <summary>The figures issue 6 asks for: Fp multiply, G1/G2 scalar multiplication, a pairing, the M-Pin server check, DVS verification.</summary>
[MemoryDiagnoser]
public class PairingBenchmarks
{
    private static readonly byte[] MpinId = Encoding.UTF8.GetBytes("{\"userID\":\"bench@example.org\",\"cID\":\"civitas\"}");
    private static readonly byte[] Message = SHA256.HashData(Encoding.UTF8.GetBytes("benchmark"));

    private Fp _a;
    private Fp _b;
    private byte[] _scalar = [];
    private G1Point _p = G1Point.Generator;
    private G2Point _q = G2Point.Generator;
    private byte[] _qEncoded = [];
    private G2Point _serverSecret = G2Point.Generator;
    private byte[] _serverSecretEncoded = [];
    private ClientPass1 _pass1 = null!;
    private byte[] _y = [];
    private byte[] _v = [];
    private byte[] _publicKey = [];
    private G2Point _decodedPublicKey = G2Point.Generator;
    private ClientSignature _signature = null!;

    [GlobalSetup]
    public void Setup()
    {
        _a = Fp.FromBytes(MPinSecrets.GenerateMasterSecret());
        _b = Fp.FromBytes(MPinSecrets.GenerateMasterSecret());
        _scalar = MPinSecrets.GenerateMasterSecret();
        _p = G1Point.Generator.Multiply(MPinSecrets.GenerateMasterSecret());
        _q = G2Point.Generator.Multiply(MPinSecrets.GenerateMasterSecret());
        _qEncoded = _q.Encode();

        var master = MPinSecrets.GenerateMasterSecret();
        _serverSecretEncoded = MPinSecrets.ServerSecret(master);
        _serverSecret = MPinServer.DecodeServerSecret(_serverSecretEncoded);
        var token = MPinClient.ExtractPin(MpinId, 123456, MPinSecrets.ClientSecret(master, MpinId));
        _pass1 = MPinClient.Pass1(MpinId, 123456, token);
        _y = MPinServer.GenerateChallenge();
        _v = MPinClient.Pass2(_pass1.X, _y, _pass1.Sec);

        var keys = Dvs.GenerateKeyPair();
        _publicKey = keys.PublicKey;
        _decodedPublicKey = G2Point.Decode(keys.PublicKey);
        var signingId = Dvs.SigningIdentity(MpinId, keys.PublicKey);
        var dvsToken = MPinClient.ExtractPin(signingId, 123456, Dvs.ClientSecret(MPinSecrets.ClientSecret(master, signingId), keys.Z));
        _signature = Dvs.Sign(signingId, 123456, dvsToken, 1_763_942_400, Message);

        if (!MPinServer.Verify(_serverSecret, MpinId, _pass1.U, default, 0, _y, _v)
            || !Dvs.Verify(_serverSecret, MpinId, _publicKey, 1_763_942_400, Message, _signature.U, _signature.V))
        {
            throw new InvalidOperationException("Benchmark inputs do not verify.");
        }
    }

    [Benchmark]
    public Fp FpMultiply() => _a * _b;

    [Benchmark]
    public G1Point G1ScalarMultiply() => _p.Multiply(_scalar);

    [Benchmark]
    public G2Point G2ScalarMultiply() => _q.Multiply(_scalar);

    /// <summary>One pairing with a freshly received G2 point: decoding and its subgroup check, line computation, pairing.</summary>
    [Benchmark]
    public Gt PairingFresh() => Civitas.Pairing.Pairing.Compute(_p, G2Point.Decode(_qEncoded));

    /// <summary>One pairing with the G2 argument's lines already cached (a long-lived key).</summary>
    [Benchmark]
    public Gt PairingCachedG2() => Civitas.Pairing.Pairing.Compute(_p, _q);

    [Benchmark]
    public G2Point G2DecodeWithSubgroupCheck() => G2Point.Decode(_qEncoded);

    /// <summary>Two-pass server check with a decoded server secret: H(ID), y·H(ID) + U, double pairing, final exponentiation.</summary>
    [Benchmark]
    public bool MPinServerCheck() => MPinServer.Verify(_serverSecret, MpinId, _pass1.U, default, 0, _y, _v);

    /// <summary>Same, decoding (and subgroup-checking) the server secret on every call.</summary>
    [Benchmark]
    public bool MPinServerCheckFromBytes() => MPinServer.Verify(_serverSecretEncoded, MpinId, _pass1.U, default, 0, _y, _v);

    /// <summary>DVS verification from bytes: decodes and subgroup-checks Pa, computes its lines, double pairing.</summary>
    [Benchmark]
    public bool DvsVerify() => Dvs.Verify(_serverSecret, MpinId, _publicKey, 1_763_942_400, Message, _signature.U, _signature.V);

    /// <summary>DVS verification with Pa decoded once and kept (its lines cached).</summary>
    [Benchmark]
    public bool DvsVerifyCachedKey() => Dvs.Verify(_serverSecret, MpinId, _decodedPublicKey, 1_763_942_400, Message, _signature.U, _signature.V);
}
