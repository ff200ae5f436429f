using System.Security.Cryptography;
using BenchmarkDotNet.Attributes;
using Civitas.LinkedData.Canonicalization;
using Civitas.LinkedData.JsonLd;
using Civitas.LinkedData.Proofs;
using Civitas.LinkedData.Rdf;
using NSec.Cryptography;

namespace Civitas.Benchmarks.LinkedData;

/// <summary>A typical identity credential (~30 claims, two languages, photo reference): canonicalize, sign, verify.</summary>
[MemoryDiagnoser]
public class CredentialBenchmarks
{
    private const string Issuer = "https://civitas.example/issuer";
    private string _credential = "";
    private IReadOnlyList<RdfQuad> _quads = [];
    private RSA _rsa = null!;
    private Key _ed = null!;
    private string _rsaSigned = "";
    private string _edSigned = "";
    private DocumentSetResolver _resolver = null!;

    [GlobalSetup]
    public void Setup()
    {
        _credential = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "credential.json"));
        _quads = JsonLdProcessor.ToRdf(_credential);
        _rsa = RSA.Create(2048);
        _ed = Key.Import(SignatureAlgorithm.Ed25519, RandomNumberGenerator.GetBytes(32), KeyBlobFormat.RawPrivateKey);
        _rsaSigned = SignRsa2018();
        _edSigned = SignEd25519Signature2020();
        var edPublic = Ed25519Multikey.Encode(_ed.PublicKey.Export(KeyBlobFormat.RawPublicKey));
        _resolver = new DocumentSetResolver(
        [
            $$"""{"id":"{{Issuer}}/keys/rsa","type":"RsaVerificationKey2018","controller":"{{Issuer}}","publicKeyPem":{{System.Text.Json.JsonSerializer.Serialize(_rsa.ExportSubjectPublicKeyInfoPem())}}}""",
            $$"""{"id":"{{Issuer}}/keys/ed","type":"Ed25519VerificationKey2020","controller":"{{Issuer}}","publicKeyMultibase":"{{edPublic}}"}""",
            $$"""{"id":"{{Issuer}}","assertionMethod":["{{Issuer}}/keys/rsa","{{Issuer}}/keys/ed"]}""",
        ]);
        if (!LinkedDataProofs.Verify(_rsaSigned, _resolver).Verified || !LinkedDataProofs.Verify(_edSigned, _resolver).Verified)
        {
            throw new InvalidOperationException("benchmark set-up: signatures do not verify");
        }
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _rsa.Dispose();
        _ed.Dispose();
    }

    /// <summary>JSON-LD expansion + toRdf + RDFC-1.0: what a proof hashes, per document.</summary>
    [Benchmark(Baseline = true)]
    public string Canonicalize() =>
        RdfCanonicalizer.Canonicalize(JsonLdProcessor.ToRdf(_credential)).NQuads;

    /// <summary>JSON-LD expansion alone (context processing is cached after the first document).</summary>
    [Benchmark]
    public string ExpandOnly() => JsonLdProcessor.Expand(_credential);

    /// <summary>RDFC-1.0 alone, on the credential's 40-odd quads.</summary>
    [Benchmark]
    public string CanonicalizeDatasetOnly() => RdfCanonicalizer.Canonicalize(_quads).NQuads;

    [Benchmark]
    public string SignRsa2018() => LinkedDataProofs.Sign(
        _credential, ProofSuite.RsaSignature2018, SigningKey.FromRsa(_rsa, Issuer + "/keys/rsa"));

    [Benchmark]
    public bool VerifyRsa2018() => LinkedDataProofs.Verify(_rsaSigned, _resolver).Verified;

    [Benchmark]
    public string SignEd25519Signature2020() => LinkedDataProofs.Sign(
        _credential, ProofSuite.Ed25519Signature2020, SigningKey.FromEd25519(_ed, Issuer + "/keys/ed"));

    [Benchmark]
    public bool VerifyEd25519Signature2020() => LinkedDataProofs.Verify(_edSigned, _resolver).Verified;
}
