using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Civitas.Keys.Certificates;
using Civitas.Keys.Persistence;
using Civitas.Keys.Policy;
using Civitas.Keys.Stores;

namespace Civitas.Keys.Management;

/// <summary>
/// Creates, selects, rotates and revokes keys. Key records live in the database (so every node and every
/// restart sees the same keys); parsed certificates and unwrapped private keys are cached per process.
/// </summary>
internal sealed class KeyManager : IKeyManager, IDisposable
{
    private const string RootApplication = KeyPolicyDefaults.Root;

    private readonly IKeyStore _store;
    private readonly KeyAliasRepository _repository;
    private readonly KeyPolicyCatalog _policies;
    private readonly KeysOptions _options;
    private readonly TimeProvider _clock;
    private readonly Lock _creation = new();
    private readonly ConcurrentDictionary<string, ManagedKey> _byAlias = new(StringComparer.Ordinal);

    // Hex thumbprint → key, so a decrypt or jwtVerify finds its key with one lookup (no scan, no lock across the cache).
    private readonly ConcurrentDictionary<string, ManagedKey> _byThumbprint = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<(string Application, string Reference), (ManagedKey Key, DateTime FetchedAtUtc)> _current = new();

    // Cache keys whose stale "current key" one caller is re-reading from the database right now.
    private readonly ConcurrentDictionary<(string Application, string Reference), bool> _refreshing = new();
    private readonly ConcurrentDictionary<string, IPrivateKeyHandle> _privateKeys = new(StringComparer.Ordinal);

    public KeyManager(IKeyStore store, KeyAliasRepository repository, KeyPolicyCatalog policies, KeysOptions options, TimeProvider clock)
    {
        _store = store;
        _repository = repository;
        _policies = policies;
        _options = options;
        _clock = clock;
    }

    public IKeyStore Store => _store;

    private DateTime Now => _clock.GetUtcNow().UtcDateTime;

    public KeyCertificate GetCertificate(string applicationId, string? referenceId) =>
        CurrentKey(applicationId, referenceId).ToPublic();

    public KeyCertificate GenerateKey(string applicationId, string? referenceId, bool force, CertificateSubject? subject)
    {
        var reference = Normalize(referenceId);
        RequirePolicy(applicationId);
        if (applicationId == RootApplication && reference.Length != 0)
        {
            throw new KeysException(KeysErrors.GenerationNotAllowed);
        }
        lock (_creation)
        {
            var existing = FindCurrent(applicationId, reference);
            if (existing is not null && existing.Record.Role == KeyRole.OtherDomain)
            {
                throw new KeysException(KeysErrors.GenerationNotAllowed);
            }
            if (existing is not null && !force)
            {
                return existing.ToPublic();
            }
            if (existing is not null)
            {
                // Rotation: the old key stops being current now but stays for decrypting and verifying older data.
                Expire(existing, revoked: false);
            }
            return Create(applicationId, reference, subject).ToPublic();
        }
    }

    public string GenerateCsr(string applicationId, string? referenceId, CertificateSubject? subject)
    {
        var key = CurrentKey(applicationId, referenceId);
        if (!key.HasPrivateKey)
        {
            throw new KeysException(KeysErrors.GenerationNotAllowed);
        }
        var distinguishedName = subject?.ToDistinguishedName() ?? key.Certificate.SubjectName;
        var csr = CertificateIssuer.CreateSigningRequest(distinguishedName, key.Certificate.PublicKey, PrivateKey(key).SignatureGenerator(key.Certificate.PublicKey));
        return PemEncoding.WriteString("CERTIFICATE REQUEST", csr);
    }

    public KeyCertificate UploadCertificate(string applicationId, string? referenceId, string certificateData)
    {
        var certificate = CertificateParsing.Parse(certificateData);
        var key = CurrentKey(applicationId, referenceId, create: false);
        if (!key.HasPrivateKey)
        {
            throw new KeysException(KeysErrors.UploadNotAllowed);
        }
        if (!certificate.PublicKey.ExportSubjectPublicKeyInfo().AsSpan().SequenceEqual(key.Certificate.PublicKey.ExportSubjectPublicKeyInfo()))
        {
            throw new KeysException(KeysErrors.KeyNotMatching);
        }
        var thumbprint = CertificateIssuer.Thumbprint(certificate);
        if (thumbprint == key.Record.Thumbprint)
        {
            throw new KeysException(KeysErrors.CertificateAlreadyExists);
        }
        var record = Copy(key.Record);
        record.CertificatePem = certificate.ExportCertificatePem();
        record.Thumbprint = thumbprint;
        _repository.Update(record);
        Forget(key);
        return Remember(new ManagedKey(record)).ToPublic();
    }

    public KeyCertificate UploadOtherDomainCertificate(string applicationId, string? referenceId, string certificateData)
    {
        var reference = Normalize(referenceId);
        RequirePolicy(applicationId);
        var certificate = CertificateParsing.Parse(certificateData);
        var thumbprint = CertificateIssuer.Thumbprint(certificate);
        lock (_creation)
        {
            var existing = FindCurrent(applicationId, reference);
            if (existing is not null && existing.HasPrivateKey)
            {
                throw new KeysException(KeysErrors.UploadNotAllowed);
            }
            if (existing is not null && existing.Record.Thumbprint == thumbprint)
            {
                throw new KeysException(KeysErrors.CertificateAlreadyExists);
            }
            if (existing is not null)
            {
                Expire(existing, revoked: false);
            }
            var now = Now;
            var record = new KeyAliasEntity
            {
                Alias = Guid.NewGuid().ToString(),
                ApplicationId = applicationId,
                ReferenceId = reference,
                Role = KeyRole.OtherDomain,
                Algorithm = certificate.GetECDsaPublicKey() is null ? KeyAlgorithms.Rsa2048 : KeyAlgorithms.EcP256,
                GeneratedAtUtc = now,
                ExpiresAtUtc = certificate.NotAfter.ToUniversalTime(),
                Thumbprint = thumbprint,
                CertificatePem = certificate.ExportCertificatePem(),
                PrivateKeyLocation = PrivateKeyLocations.None,
                UniqueIdentifier = Guid.NewGuid().ToString("N"),
            };
            _repository.Add(record);
            return Remember(new ManagedKey(record)).ToPublic();
        }
    }

    public KeyCertificate RevokeKey(string applicationId, string referenceId)
    {
        var reference = Normalize(referenceId);
        RequirePolicy(applicationId);
        if (reference.Length == 0 || applicationId == RootApplication)
        {
            // ROOT and master keys are rotated (generateMasterKey with force), never revoked out from under their base keys.
            throw new KeysException(KeysErrors.RevokeNotAllowed);
        }
        lock (_creation)
        {
            var existing = FindCurrent(applicationId, reference) ?? throw new KeysException(KeysErrors.KeyGenerationNotDone);
            return Expire(existing, revoked: true).ToPublic();
        }
    }

    public IReadOnlyList<KeyCertificate> GetAllCertificates(string? applicationId, string? referenceId)
    {
        var reference = referenceId is null ? null : Normalize(referenceId);
        return _repository.All(string.IsNullOrWhiteSpace(applicationId) ? null : applicationId)
            .Where(r => reference is null || r.ReferenceId == reference)
            .Select(r => Remember(r).ToPublic())
            .ToList();
    }

    /// <summary>The key new encryptions and signatures use; created on demand (ROOT and masters only when auto-creation is on).</summary>
    internal ManagedKey CurrentKey(string applicationId, string? referenceId, bool create = true)
    {
        if (string.IsNullOrWhiteSpace(applicationId))
        {
            throw new KeysException(KeysErrors.MissingParameter, "applicationId");
        }
        var reference = Normalize(referenceId);
        RequirePolicy(applicationId);
        var cacheKey = CacheKey(applicationId, reference);
        var now = Now;
        ManagedKey? found;
        if (_current.TryGetValue(cacheKey, out var cached) && IsCurrent(cached.Key, now))
        {
            if (now - cached.FetchedAtUtc < _options.CurrentKeyCacheLifetime)
            {
                return cached.Key;
            }
            // Stale but still within its lifetime: one caller asks the database (another node may have rotated),
            // the others keep signing with the cached key instead of all queueing on the same query.
            if (!_refreshing.TryAdd(cacheKey, true))
            {
                return cached.Key;
            }
            try
            {
                found = FindCurrent(applicationId, reference);
            }
            finally
            {
                _refreshing.TryRemove(cacheKey, out _);
            }
        }
        else
        {
            found = FindCurrent(applicationId, reference);
        }
        if (found is not null)
        {
            return found;
        }
        if (!create || (!_options.AutoCreateMasterKeys && IsStoreHeld(applicationId, reference)))
        {
            throw new KeysException(KeysErrors.KeyGenerationNotDone);
        }
        lock (_creation)
        {
            return FindCurrent(applicationId, reference) ?? Create(applicationId, reference, subject: null);
        }
    }

    /// <summary>Looks a key up by the SHA-256 certificate thumbprint prepended to ciphertexts, current or expired.</summary>
    internal ManagedKey? FindByThumbprint(ReadOnlySpan<byte> thumbprint)
    {
        var hex = Convert.ToHexStringLower(thumbprint);
        if (_byThumbprint.TryGetValue(hex, out var cached))
        {
            return cached;
        }
        var records = _repository.ByThumbprint(hex);
        return records.Count == 0 ? null : Remember(records[0]);
    }

    /// <summary>For legacy ciphertexts without a thumbprint: the private keys of (application, reference) valid at the given time, newest first.</summary>
    internal IReadOnlyList<ManagedKey> KeysValidAt(string applicationId, string? referenceId, DateTime atUtc)
    {
        var reference = Normalize(referenceId);
        RequirePolicy(applicationId);
        return _repository.ForKey(applicationId, reference)
            .Select(Remember)
            .Where(k => k.HasPrivateKey && k.IsValidAt(atUtc))
            .ToList();
    }

    internal ManagedKey? FindByAlias(string alias)
    {
        if (_byAlias.TryGetValue(alias, out var cached))
        {
            return cached;
        }
        var record = _repository.ByAlias(alias);
        return record is null ? null : Remember(record);
    }

    /// <summary>Private-key operations for a key; base keys are unwrapped through their master key on first use.</summary>
    internal IPrivateKeyHandle PrivateKey(ManagedKey key)
    {
        if (_privateKeys.TryGetValue(key.Alias, out var cached))
        {
            return cached;
        }
        IPrivateKeyHandle handle = key.Record.PrivateKeyLocation switch
        {
            PrivateKeyLocations.Store => new StorePrivateKey(_store, key.Alias),
            PrivateKeyLocations.Wrapped => UnwrapBaseKey(key),
            _ => throw new KeysException(KeysErrors.DecryptionNotAllowed),
        };
        return _privateKeys.GetOrAdd(key.Alias, handle);
    }

    private SoftwarePrivateKey UnwrapBaseKey(ManagedKey key)
    {
        var master = FindByAlias(key.Record.WrappedBy!) ?? throw new KeysException(KeysErrors.NoUniqueAlias);
        var pkcs8 = BaseKeyWrapping.Unwrap(PrivateKey(master), key.Record.WrappedPrivateKey, key.Alias);
        try
        {
            AsymmetricAlgorithm algorithm = key.Record.Algorithm == KeyAlgorithms.EcP256 ? ECDsa.Create() : RSA.Create();
            algorithm.ImportPkcs8PrivateKey(pkcs8, out _);
            return new SoftwarePrivateKey(algorithm);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(pkcs8);
        }
    }

    private ManagedKey? FindCurrent(string applicationId, string reference)
    {
        var now = Now;
        var record = _repository.ForKey(applicationId, reference)
            .Select(Remember)
            .FirstOrDefault(k => IsCurrent(k, now));
        if (record is not null)
        {
            _current[CacheKey(applicationId, reference)] = (record, now);
        }
        return record;
    }

    private bool IsCurrent(ManagedKey key, DateTime now)
    {
        var record = key.Record;
        if (record.RevokedAtUtc is not null)
        {
            return false;
        }
        if (record.Role == KeyRole.OtherDomain)
        {
            return key.IsValidAt(now);
        }
        return PolicyFor(record).IsCurrent(record.GeneratedAtUtc, record.ExpiresAtUtc, now);
    }

    private KeyPolicy PolicyFor(KeyAliasEntity record) => record.Role switch
    {
        KeyRole.Root => _policies.Root,
        KeyRole.Base when record.PrivateKeyLocation == PrivateKeyLocations.Wrapped => _policies.Base,
        _ => RequirePolicy(record.ApplicationId),
    };

    private ManagedKey Create(string applicationId, string reference, CertificateSubject? subject)
    {
        var now = Now;
        var alias = Guid.NewGuid().ToString();
        var role = applicationId == RootApplication ? KeyRole.Root : reference.Length == 0 ? KeyRole.Master : KeyRole.Base;
        var storeHeld = IsStoreHeld(applicationId, reference);
        var policy = role == KeyRole.Root ? _policies.Root : storeHeld ? RequirePolicy(applicationId) : _policies.Base;
        var expires = now.AddDays(policy.ValidityDays);
        var distinguishedName = (subject ?? CertificateSubject.From(_options.DefaultSubject, DefaultCommonName(applicationId, reference))).ToDistinguishedName();

        // The issuer: ROOT signs itself, ROOT signs masters, the application's master signs everything below it.
        var issuer = role switch
        {
            KeyRole.Root => null,
            KeyRole.Master => CurrentKey(RootApplication, string.Empty),
            _ => CurrentKey(applicationId, string.Empty),
        };

        var record = new KeyAliasEntity
        {
            Alias = alias,
            ApplicationId = applicationId,
            ReferenceId = reference,
            Role = role,
            Algorithm = KeyAlgorithms.Rsa2048,
            GeneratedAtUtc = now,
            ExpiresAtUtc = expires,
            Thumbprint = string.Empty,
            CertificatePem = string.Empty,
            PrivateKeyLocation = storeHeld ? PrivateKeyLocations.Store : PrivateKeyLocations.Wrapped,
            UniqueIdentifier = Guid.NewGuid().ToString("N"),
        };

        PublicKey publicKey;
        if (storeHeld)
        {
            publicKey = PublicKey.CreateFromSubjectPublicKeyInfo(_store.GenerateRsaKey(alias), out _);
        }
        else
        {
            using AsymmetricAlgorithm generated = reference == KeyAlgorithms.EcP256SignReference
                ? ECDsa.Create(ECCurve.NamedCurves.nistP256)
                : RSA.Create(2048);
            record.Algorithm = generated is ECDsa ? KeyAlgorithms.EcP256 : KeyAlgorithms.Rsa2048;
            var pkcs8 = generated.ExportPkcs8PrivateKey();
            try
            {
                using var masterPublic = issuer!.Certificate.GetRSAPublicKey()!;
                record.WrappedPrivateKey = BaseKeyWrapping.Wrap(masterPublic, pkcs8, alias);
                record.WrappedBy = issuer.Alias;
            }
            finally
            {
                CryptographicOperations.ZeroMemory(pkcs8);
            }
            publicKey = PublicKey.CreateFromSubjectPublicKeyInfo(generated.ExportSubjectPublicKeyInfo(), out _);
        }

        var issuerName = issuer?.Certificate.SubjectName ?? distinguishedName;
        var issuerKey = issuer?.Certificate.PublicKey ?? publicKey;
        var issuerSigner = issuer is null ? new StoreSignatureGenerator(_store, alias, publicKey) : PrivateKey(issuer).SignatureGenerator(issuerKey);
        var notAfter = issuer is null || issuer.Certificate.NotAfter.ToUniversalTime() > expires ? expires : issuer.Certificate.NotAfter.ToUniversalTime();
        using var certificate = CertificateIssuer.Issue(
            distinguishedName, publicKey, issuerName, issuerSigner, issuerKey, now, notAfter, isCertificateAuthority: role is KeyRole.Root or KeyRole.Master);

        record.CertificatePem = certificate.ExportCertificatePem();
        record.Thumbprint = CertificateIssuer.Thumbprint(certificate);
        _repository.Add(record);
        var key = Remember(new ManagedKey(record));
        _current[CacheKey(applicationId, reference)] = (key, now);
        return key;
    }

    private ManagedKey Expire(ManagedKey key, bool revoked)
    {
        var record = Copy(key.Record);
        var now = Now;
        record.ExpiresAtUtc = now < record.ExpiresAtUtc ? now : record.ExpiresAtUtc;
        if (revoked)
        {
            record.RevokedAtUtc = now;
        }
        _repository.Update(record);
        Forget(key);
        return Remember(new ManagedKey(record));
    }

    private static bool IsStoreHeld(string applicationId, string reference) =>
        reference.Length == 0 || applicationId == RootApplication || (applicationId == "KERNEL" && reference == "SIGN");

    private static string DefaultCommonName(string applicationId, string reference) =>
        reference.Length == 0 ? $"Civitas {applicationId}" : $"Civitas {applicationId} {reference}";

    private KeyPolicy RequirePolicy(string applicationId) =>
        _policies.TryGet(applicationId, out var policy) ? policy : throw new KeysException(KeysErrors.ApplicationIdNotValid);

    private static string Normalize(string? referenceId) => string.IsNullOrWhiteSpace(referenceId) ? string.Empty : referenceId.Trim();

    private static (string Application, string Reference) CacheKey(string applicationId, string reference) => (applicationId, reference);

    /// <summary>
    /// The cached key for a record read from the database: the same instance while the record is unchanged, so
    /// periodic re-reads neither re-parse certificates nor churn the caches; a new snapshot when it changed.
    /// </summary>
    private ManagedKey Remember(KeyAliasEntity record)
    {
        if (_byAlias.TryGetValue(record.Alias, out var known)
            && known.Record.Thumbprint == record.Thumbprint
            && known.Record.ExpiresAtUtc == record.ExpiresAtUtc
            && known.Record.RevokedAtUtc == record.RevokedAtUtc
            && known.Record.PrivateKeyLocation == record.PrivateKeyLocation)
        {
            return known;
        }
        if (known is not null)
        {
            _byThumbprint.TryRemove(new KeyValuePair<string, ManagedKey>(known.Record.Thumbprint, known));
        }
        return Remember(new ManagedKey(record));
    }

    private ManagedKey Remember(ManagedKey key)
    {
        _byAlias[key.Alias] = key;
        _byThumbprint[key.Record.Thumbprint] = key;
        return key;
    }

    private void Forget(ManagedKey key)
    {
        _byAlias.TryRemove(key.Alias, out _);
        _byThumbprint.TryRemove(new KeyValuePair<string, ManagedKey>(key.Record.Thumbprint, key));
        _current.TryRemove(CacheKey(key.Record.ApplicationId, key.Record.ReferenceId), out _);
    }

    private static KeyAliasEntity Copy(KeyAliasEntity r) => new()
    {
        Alias = r.Alias,
        ApplicationId = r.ApplicationId,
        ReferenceId = r.ReferenceId,
        Role = r.Role,
        Algorithm = r.Algorithm,
        GeneratedAtUtc = r.GeneratedAtUtc,
        ExpiresAtUtc = r.ExpiresAtUtc,
        RevokedAtUtc = r.RevokedAtUtc,
        Thumbprint = r.Thumbprint,
        CertificatePem = r.CertificatePem,
        PrivateKeyLocation = r.PrivateKeyLocation,
        WrappedPrivateKey = r.WrappedPrivateKey,
        WrappedBy = r.WrappedBy,
        UniqueIdentifier = r.UniqueIdentifier,
    };

    public void Dispose()
    {
        foreach (var handle in _privateKeys.Values)
        {
            (handle as IDisposable)?.Dispose();
        }
    }
}
