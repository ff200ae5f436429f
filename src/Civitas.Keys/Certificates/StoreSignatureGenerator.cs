using System.Formats.Asn1;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Civitas.Keys.Stores;

namespace Civitas.Keys.Certificates;

/// <summary>Lets <see cref="CertificateRequest"/> sign certificates and CSRs (SHA256withRSA) with a key that never leaves its store.</summary>
internal sealed class StoreSignatureGenerator : X509SignatureGenerator
{
    private readonly IKeyStore _store;
    private readonly string _alias;
    private readonly PublicKey _publicKey;

    public StoreSignatureGenerator(IKeyStore store, string alias, PublicKey publicKey)
    {
        _store = store;
        _alias = alias;
        _publicKey = publicKey;
    }

    public override byte[] GetSignatureAlgorithmIdentifier(HashAlgorithmName hashAlgorithm)
    {
        if (hashAlgorithm != HashAlgorithmName.SHA256)
        {
            throw new ArgumentOutOfRangeException(nameof(hashAlgorithm), "Only SHA-256 is used for certificates.");
        }
        // AlgorithmIdentifier { sha256WithRSAEncryption, NULL }
        var writer = new AsnWriter(AsnEncodingRules.DER);
        using (writer.PushSequence())
        {
            writer.WriteObjectIdentifier("1.2.840.113549.1.1.11");
            writer.WriteNull();
        }
        return writer.Encode();
    }

    public override byte[] SignData(byte[] data, HashAlgorithmName hashAlgorithm) =>
        _store.SignSha256Hash(_alias, SHA256.HashData(data), RSASignaturePadding.Pkcs1);

    protected override PublicKey BuildPublicKey() => _publicKey;
}
