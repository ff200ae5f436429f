using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Civitas.Keys.Signatures;

namespace Civitas.Benchmarks.Keys;

/// <summary>
/// Software store: raw RSA-OAEP-SHA256 unwrap and RS256/PS256 signatures with a stored key, the full MOSIP
/// hybrid decrypt/encrypt of 1 KiB, a partner session-key unwrap as ID authentication does it, and JWS
/// sign/verify as jwtSign/jwtVerify (and ISigner.Sign for every authentication response) do them.
/// </summary>
[MemoryDiagnoser]
public class KeysBenchmarks
{
    private BenchKeys _keys = null!;
    private string _alias = null!;
    private byte[] _wrappedAesKey = null!;
    private byte[] _hash = null!;
    private byte[] _ciphertext = null!;
    private byte[] _sessionThumbprint = null!;
    private byte[] _sessionKey = null!;
    private readonly byte[] _plaintext = RandomNumberGenerator.GetBytes(1024);
    private readonly byte[] _claims = """{"sub":"4000000001","name":"Ada Lovelace","iat":1700000000,"scope":"kyc"}"""u8.ToArray();
    private string _jws = null!;

    [GlobalSetup]
    public void Setup()
    {
        _keys = new BenchKeys();
        _alias = _keys.Keys.CurrentKey("KERNEL", string.Empty).Alias;
        using var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(_keys.Store.FindPublicKey(_alias), out _);
        _wrappedAesKey = rsa.Encrypt(RandomNumberGenerator.GetBytes(32), RSAEncryptionPadding.OaepSHA256);
        _hash = SHA256.HashData(_claims);
        _ciphertext = _keys.Crypto.Encrypt("IDA", "BENCH", _plaintext);
        // A partner's requestSessionKey: an AES key wrapped to the IDA/BENCH certificate, found by its thumbprint.
        var partnerKey = _keys.Keys.CurrentKey("IDA", "BENCH");
        _sessionThumbprint = partnerKey.Thumbprint;
        _sessionKey = partnerKey.RsaPublicKey!.Encrypt(RandomNumberGenerator.GetBytes(32), RSAEncryptionPadding.OaepSHA256);
        _jws = _keys.Signatures.Sign("KERNEL", "SIGN", _claims, new JwsSignOptions());
    }

    [GlobalCleanup]
    public void Cleanup() => _keys.Dispose();

    [Benchmark]
    public byte[] RsaOaepSha256Decrypt() => _keys.Store.DecryptOaepSha256(_alias, _wrappedAesKey);

    [Benchmark]
    public byte[] Rs256SignHash() => _keys.Store.SignSha256Hash(_alias, _hash, RSASignaturePadding.Pkcs1);

    [Benchmark]
    public byte[] Ps256SignHash() => _keys.Store.SignSha256Hash(_alias, _hash, RSASignaturePadding.Pss);

    [Benchmark]
    public byte[] MosipDecrypt1KiB() => _keys.Crypto.Decrypt("IDA", "BENCH", _ciphertext);

    [Benchmark]
    public byte[] UnwrapSessionKey() => _keys.Crypto.UnwrapSessionKey("IDA", "BENCH", _sessionThumbprint, _sessionKey);

    [Benchmark]
    public byte[] MosipEncrypt1KiB() => _keys.Crypto.Encrypt("IDA", "BENCH", _plaintext);

    [Benchmark]
    public string JwtSignRs256() => _keys.Signatures.Sign("KERNEL", "SIGN", _claims, new JwsSignOptions { IncludeCertificate = true });

    [Benchmark]
    public bool JwtVerifyRs256() => _keys.Signatures.Verify(_jws, default, "KERNEL", "SIGN", null, false, null).SignatureValid;
}

/// <summary>The same private-key operations inside SoftHSM2 (raw RSA + OAEP unpadding outside, CKM_RSA_PKCS / CKM_RSA_PKCS_PSS).</summary>
public class SoftHsmBenchmarks
{
    private BenchKeys _keys = null!;
    private string _alias = null!;
    private byte[] _wrappedAesKey = null!;
    private readonly byte[] _hash = SHA256.HashData("benchmark"u8);

    [GlobalSetup]
    public void Setup()
    {
        _keys = new BenchKeys(BenchSoftHsm.Create());
        _alias = _keys.Keys.CurrentKey("KERNEL", string.Empty).Alias;
        using var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(_keys.Store.FindPublicKey(_alias), out _);
        _wrappedAesKey = rsa.Encrypt(RandomNumberGenerator.GetBytes(32), RSAEncryptionPadding.OaepSHA256);
    }

    [GlobalCleanup]
    public void Cleanup() => _keys.Dispose();

    [Benchmark]
    public byte[] HsmRsaOaepSha256Decrypt() => _keys.Store.DecryptOaepSha256(_alias, _wrappedAesKey);

    [Benchmark]
    public byte[] HsmRs256SignHash() => _keys.Store.SignSha256Hash(_alias, _hash, RSASignaturePadding.Pkcs1);

    [Benchmark]
    public byte[] HsmPs256SignHash() => _keys.Store.SignSha256Hash(_alias, _hash, RSASignaturePadding.Pss);
}
