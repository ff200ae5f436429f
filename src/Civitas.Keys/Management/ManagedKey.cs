using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Civitas.Keys.Persistence;

namespace Civitas.Keys.Management;

/// <summary>A key alias record with its parsed certificate; immutable snapshot, safe to cache and share.</summary>
internal sealed class ManagedKey
{
    public ManagedKey(KeyAliasEntity record)
    {
        Record = record;
        Certificate = X509Certificate2.CreateFromPem(record.CertificatePem);
        Thumbprint = Convert.FromHexString(record.Thumbprint);
        KeyId = Base64Url.EncodeToString(Thumbprint);
        _rsaPublicKey = new Lazy<RSA?>(() => Certificate.GetRSAPublicKey());
        _ecPublicKey = new Lazy<ECDsa?>(() => Certificate.GetECDsaPublicKey());
    }

    private readonly Lazy<ECDsa?> _ecPublicKey;

    /// <summary>The certificate's public key, parsed once: RSA or EC P-256.</summary>
    public AsymmetricAlgorithm VerificationKey => (AsymmetricAlgorithm?)RsaPublicKey ?? _ecPublicKey.Value
        ?? throw new KeysException(KeysErrors.CertificateNotValid);

    private readonly Lazy<RSA?> _rsaPublicKey;

    /// <summary>The certificate's RSA public key, parsed once (null for EC keys).</summary>
    public RSA? RsaPublicKey => _rsaPublicKey.Value;

    public KeyAliasEntity Record { get; }

    public X509Certificate2 Certificate { get; }

    /// <summary>SHA-256 of the certificate DER (32 bytes), the prefix of MOSIP ciphertexts.</summary>
    public byte[] Thumbprint { get; }

    /// <summary>The JWS <c>kid</c>: base64url of <see cref="Thumbprint"/>.</summary>
    public string KeyId { get; }

    public string Alias => Record.Alias;

    public bool HasPrivateKey => Record.PrivateKeyLocation != PrivateKeyLocations.None;

    public bool IsRevoked => Record.RevokedAtUtc is not null;

    /// <summary>Within its own lifetime (generation to expiry), whether or not a successor has taken over.</summary>
    public bool IsValidAt(DateTime atUtc) => Record.GeneratedAtUtc <= atUtc && atUtc <= Record.ExpiresAtUtc;

    public KeyCertificate ToPublic() => new(
        Record.ApplicationId,
        Record.ReferenceId,
        Record.CertificatePem,
        Record.Thumbprint,
        Record.GeneratedAtUtc,
        Record.ExpiresAtUtc,
        Record.RevokedAtUtc,
        Record.Alias,
        HasPrivateKey);
}
