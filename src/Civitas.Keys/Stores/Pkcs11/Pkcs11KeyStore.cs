using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Net.Pkcs11Interop.Common;
using Net.Pkcs11Interop.HighLevelAPI;
using ISession = Net.Pkcs11Interop.HighLevelAPI.ISession;

namespace Civitas.Keys.Stores.Pkcs11;

/// <summary>
/// Keys generated and used inside a PKCS#11 token (SoftHSM2 in tests, a real HSM in production).
/// Private keys are created sensitive and non-extractable; only signatures and raw RSA results leave the token.
/// </summary>
internal sealed class Pkcs11KeyStore : IKeyStore, IDisposable
{
    private const int ModulusBits = 2048;
    private const int ModulusBytes = ModulusBits / 8;

    // DER DigestInfo prefix for SHA-256 (RFC 8017 §9.2 note 1): CKM_RSA_PKCS signs DigestInfo ‖ hash.
    private static readonly byte[] Sha256DigestInfoPrefix =
        [0x30, 0x31, 0x30, 0x0d, 0x06, 0x09, 0x60, 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01, 0x05, 0x00, 0x04, 0x20];

    private readonly Pkcs11InteropFactories _factories = new();
    private readonly SharedPkcs11Library _library;
    private readonly string _libraryPath;
    private bool _disposed;
    private readonly Pkcs11SessionPool _sessions;
    private readonly ConcurrentDictionary<string, IObjectHandle> _privateKeys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, byte[]> _moduli = new(StringComparer.Ordinal);

    public Pkcs11KeyStore(Pkcs11Options options)
    {
        if (string.IsNullOrEmpty(options.Pin))
        {
            throw new InvalidOperationException("Civitas:Keys:Pkcs11:Pin is required for the PKCS#11 key store; set it through the environment (Civitas__Keys__Pkcs11__Pin).");
        }
        Pkcs11NativeResolver.EnsureRegistered();
        _libraryPath = options.LibraryPath;
        _library = Pkcs11LibraryShare.Acquire(_factories, _libraryPath);
        var slot = _library.Library.GetSlotList(SlotsType.WithTokenPresent)
            .FirstOrDefault(s => s.GetTokenInfo().Label.Trim() == options.TokenLabel);
        if (slot is null)
        {
            Pkcs11LibraryShare.Release(_libraryPath);
            throw new InvalidOperationException($"No PKCS#11 token labelled '{options.TokenLabel}' in {options.LibraryPath}; initialise one or fix Civitas:Keys:Pkcs11:TokenLabel.");
        }
        try
        {
            _sessions = new Pkcs11SessionPool(slot, options.Pin, options.MaxSessions);
        }
        catch
        {
            // A wrong PIN must not leave the module initialised for nobody.
            Pkcs11LibraryShare.Release(_libraryPath);
            throw;
        }
    }

    public KeyStoreKind Kind => KeyStoreKind.Pkcs11;

    public byte[] GenerateRsaKey(string alias) => _sessions.Run(session =>
    {
        var id = Encoding.UTF8.GetBytes(alias);
        var publicTemplate = new List<IObjectAttribute>
        {
            Attr(CKA.CKA_TOKEN, true),
            Attr(CKA.CKA_PRIVATE, false),
            Attr(CKA.CKA_LABEL, alias),
            Attr(CKA.CKA_ID, id),
            Attr(CKA.CKA_ENCRYPT, true),
            Attr(CKA.CKA_VERIFY, true),
            _factories.ObjectAttributeFactory.Create(CKA.CKA_MODULUS_BITS, (ulong)ModulusBits),
            Attr(CKA.CKA_PUBLIC_EXPONENT, new byte[] { 0x01, 0x00, 0x01 }),
        };
        var privateTemplate = new List<IObjectAttribute>
        {
            Attr(CKA.CKA_TOKEN, true),
            Attr(CKA.CKA_PRIVATE, true),
            Attr(CKA.CKA_LABEL, alias),
            Attr(CKA.CKA_ID, id),
            Attr(CKA.CKA_SENSITIVE, true),
            Attr(CKA.CKA_EXTRACTABLE, false),
            Attr(CKA.CKA_DECRYPT, true),
            Attr(CKA.CKA_SIGN, true),
        };
        using var mechanism = _factories.MechanismFactory.Create(CKM.CKM_RSA_PKCS_KEY_PAIR_GEN);
        IObjectHandle publicKey, privateKey;
        lock (_library.ObjectStore)
        {
            session.GenerateKeyPair(mechanism, publicTemplate, privateTemplate, out publicKey, out privateKey);
        }
        _privateKeys[alias] = privateKey;
        return ExportPublicKey(session, publicKey);
    });

    public byte[]? FindPublicKey(string alias) => _sessions.Run(session =>
    {
        var handle = FindObject(session, alias, CKO.CKO_PUBLIC_KEY);
        return handle is null ? null : ExportPublicKey(session, handle);
    });

    public byte[] SignSha256Hash(string alias, ReadOnlySpan<byte> sha256Hash, RSASignaturePadding padding)
    {
        if (sha256Hash.Length != 32)
        {
            throw new ArgumentException("A SHA-256 digest is 32 bytes.", nameof(sha256Hash));
        }
        var hash = sha256Hash.ToArray();
        return _sessions.Run(session =>
        {
            var key = PrivateKey(session, alias);
            if (padding == RSASignaturePadding.Pss)
            {
                var parameters = _factories.MechanismParamsFactory.CreateCkRsaPkcsPssParams(
                    ConvertUtils.UInt64FromCKM(CKM.CKM_SHA256), ConvertUtils.UInt64FromCKG(CKG.CKG_MGF1_SHA256), 32);
                using var pss = _factories.MechanismFactory.Create(CKM.CKM_RSA_PKCS_PSS, parameters);
                return session.Sign(pss, key, hash);
            }
            using var pkcs1 = _factories.MechanismFactory.Create(CKM.CKM_RSA_PKCS);
            return session.Sign(pkcs1, key, [.. Sha256DigestInfoPrefix, .. hash]);
        });
    }

    public byte[] DecryptOaepSha256(string alias, ReadOnlySpan<byte> ciphertext)
    {
        if (ciphertext.Length != ModulusBytes)
        {
            throw new CryptographicException("OAEP decoding error.");
        }
        // RSADP step 1 (RFC 8017 §5.1.2): the ciphertext must be below the modulus. SoftHSM answers
        // CKR_GENERAL_ERROR otherwise, which must not be confused with a token failure.
        if (ciphertext.SequenceCompareTo(Modulus(alias)) >= 0)
        {
            throw new CryptographicException("OAEP decoding error.");
        }
        var input = ciphertext.ToArray();
        byte[] encoded;
        try
        {
            // SoftHSM 2.6 only does OAEP with SHA-1: raw RSA in the token, OAEP-SHA256 unpadding here.
            encoded = _sessions.Run(session =>
            {
                using var raw = _factories.MechanismFactory.Create(CKM.CKM_RSA_X_509);
                return session.Decrypt(raw, PrivateKey(session, alias), input);
            });
        }
        catch (Pkcs11Exception e) when (e.RV is CKR.CKR_ENCRYPTED_DATA_INVALID or CKR.CKR_ENCRYPTED_DATA_LEN_RANGE or CKR.CKR_DATA_LEN_RANGE)
        {
            throw new CryptographicException("OAEP decoding error.");
        }
        try
        {
            return OaepSha256Padding.Decode(encoded, ModulusBytes);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(encoded);
        }
    }

    public void DeleteKey(string alias) => _sessions.Run(session =>
    {
        foreach (var objectClass in new[] { CKO.CKO_PRIVATE_KEY, CKO.CKO_PUBLIC_KEY })
        {
            var handle = FindObject(session, alias, objectClass);
            if (handle is not null)
            {
                lock (_library.ObjectStore)
                {
                    session.DestroyObject(handle);
                }
            }
        }
        _privateKeys.TryRemove(alias, out _);
        _moduli.TryRemove(alias, out _);
        return true;
    });

    private byte[] Modulus(string alias) => _moduli.GetOrAdd(alias, a =>
    {
        var publicKey = FindPublicKey(a) ?? throw new KeyNotFoundException($"No public key with alias {a} in the PKCS#11 token.");
        using var rsa = RSA.Create();
        rsa.ImportSubjectPublicKeyInfo(publicKey, out _);
        return rsa.ExportParameters(false).Modulus!;
    });

    /// <summary>Reads CKA_SENSITIVE and CKA_EXTRACTABLE of the private key, so tests can prove it cannot leave the token.</summary>
    internal (bool Sensitive, bool Extractable) PrivateKeyProtection(string alias) => _sessions.Run(session =>
    {
        var values = session.GetAttributeValue(PrivateKey(session, alias), [CKA.CKA_SENSITIVE, CKA.CKA_EXTRACTABLE]);
        return (values[0].GetValueAsBool(), values[1].GetValueAsBool());
    });

    private IObjectHandle PrivateKey(ISession session, string alias)
    {
        if (_privateKeys.TryGetValue(alias, out var cached))
        {
            return cached;
        }
        var handle = FindObject(session, alias, CKO.CKO_PRIVATE_KEY)
            ?? throw new KeyNotFoundException($"No private key with alias {alias} in the PKCS#11 token.");
        // Handles of token objects are valid in every session of this application.
        return _privateKeys.GetOrAdd(alias, handle);
    }

    private IObjectHandle? FindObject(ISession session, string alias, CKO objectClass)
    {
        var template = new List<IObjectAttribute>
        {
            _factories.ObjectAttributeFactory.Create(CKA.CKA_CLASS, objectClass),
            Attr(CKA.CKA_LABEL, alias),
        };
        lock (_library.ObjectStore)
        {
            return session.FindAllObjects(template).FirstOrDefault();
        }
    }

    private static byte[] ExportPublicKey(ISession session, IObjectHandle publicKey)
    {
        var values = session.GetAttributeValue(publicKey, [CKA.CKA_MODULUS, CKA.CKA_PUBLIC_EXPONENT]);
        using var rsa = RSA.Create(new RSAParameters
        {
            Modulus = values[0].GetValueAsByteArray(),
            Exponent = values[1].GetValueAsByteArray(),
        });
        return rsa.ExportSubjectPublicKeyInfo();
    }

    private IObjectAttribute Attr(CKA type, bool value) => _factories.ObjectAttributeFactory.Create(type, value);

    private IObjectAttribute Attr(CKA type, string value) => _factories.ObjectAttributeFactory.Create(type, value);

    private IObjectAttribute Attr(CKA type, byte[] value) => _factories.ObjectAttributeFactory.Create(type, value);

    public void Dispose()
    {
        if (_disposed)
        {
            return;
        }
        _disposed = true;
        _sessions.Dispose();
        Pkcs11LibraryShare.Release(_libraryPath);
    }
}
