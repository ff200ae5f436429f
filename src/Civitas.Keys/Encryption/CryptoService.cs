using System.Security.Cryptography;
using Civitas.Keys.Management;

namespace Civitas.Keys.Encryption;

/// <summary>The crypto manager's encrypt/decrypt in MOSIP's exact byte format (see <see cref="MosipHybridFormat"/>).</summary>
internal sealed class CryptoService : ICryptoService
{
    private readonly KeyManager _keys;
    private readonly TimeProvider _clock;

    public CryptoService(KeyManager keys, TimeProvider clock)
    {
        _keys = keys;
        _clock = clock;
    }

    public byte[] Encrypt(string applicationId, string? referenceId, ReadOnlySpan<byte> data, byte[]? salt = null, byte[]? aad = null)
    {
        var key = _keys.CurrentKey(applicationId, referenceId);
        var publicKey = key.RsaPublicKey ?? throw new KeysException(KeysErrors.CertificateNotValid);
        var aesKey = RandomNumberGenerator.GetBytes(32);
        try
        {
            byte[] dataPart;
            var versioned = false;
            if (salt is { Length: > 0 })
            {
                dataPart = AesGcmAnyNonce.Encrypt(aesKey, salt, data, aad ?? []);
            }
            else if (aad is { Length: > 0 })
            {
                var nonce = RandomNumberGenerator.GetBytes(MosipHybridFormat.AppendedNonceLength);
                dataPart = [.. AesGcmAnyNonce.Encrypt(aesKey, nonce, data, aad), .. nonce];
            }
            else
            {
                // VER_R2: a random 32-byte AAD travels in front of the ciphertext; its first 12 bytes are the nonce.
                var generatedAad = RandomNumberGenerator.GetBytes(MosipHybridFormat.GeneratedAadLength);
                dataPart = [.. generatedAad, .. AesGcmAnyNonce.Encrypt(aesKey, generatedAad.AsSpan(0, MosipHybridFormat.GeneratedAadNonceLength), data, generatedAad)];
                versioned = true;
            }
            var encryptedKey = publicKey.Encrypt(aesKey, RSAEncryptionPadding.OaepSHA256);
            return
            [
                .. versioned ? MosipHybridFormat.VersionRsa2048 : [],
                .. key.Thumbprint,
                .. encryptedKey,
                .. MosipHybridFormat.KeySplitter,
                .. dataPart,
            ];
        }
        finally
        {
            CryptographicOperations.ZeroMemory(aesKey);
        }
    }

    public byte[] Decrypt(string applicationId, string? referenceId, ReadOnlySpan<byte> data, byte[]? salt = null, byte[]? aad = null, DateTime? timestamp = null)
    {
        if (!MosipHybridFormat.TrySplit(data, out var keyPart, out var dataPart))
        {
            throw new KeysException(KeysErrors.CryptoInvalidKeySplitter);
        }
        var versioned = keyPart.StartsWith(MosipHybridFormat.VersionRsa2048);
        if (versioned)
        {
            keyPart = keyPart[MosipHybridFormat.VersionRsa2048.Length..];
        }
        var aesKey = keyPart.Length == MosipHybridFormat.ThumbprintLength + MosipHybridFormat.EncryptedKeyLength
            ? UnwrapByThumbprint(applicationId, referenceId, keyPart[..MosipHybridFormat.ThumbprintLength], keyPart[MosipHybridFormat.ThumbprintLength..])
            : UnwrapByTime(applicationId, referenceId, keyPart, timestamp ?? _clock.GetUtcNow().UtcDateTime);
        try
        {
            if (aesKey.Length is not (16 or 24 or 32))
            {
                throw new KeysException(KeysErrors.SymmetricKeyDecryptionFailed);
            }
            return OpenDataPart(aesKey, dataPart, salt, aad, versioned);
        }
        catch (CryptographicException)
        {
            // Truncated or altered ciphertext, wrong salt or AAD: one answer for all, nothing about which.
            throw new KeysException(KeysErrors.CryptoInvalidData);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(aesKey);
        }
    }

    private static byte[] OpenDataPart(byte[] aesKey, ReadOnlySpan<byte> dataPart, byte[]? salt, byte[]? aad, bool versioned)
    {
        if (salt is { Length: > 0 })
        {
            return AesGcmAnyNonce.Decrypt(aesKey, salt, dataPart, aad ?? []);
        }
        if (versioned && aad is not { Length: > 0 })
        {
            if (dataPart.Length < MosipHybridFormat.GeneratedAadLength + AesGcmAnyNonce.TagSize)
            {
                throw new CryptographicException("Data part too short.");
            }
            var generatedAad = dataPart[..MosipHybridFormat.GeneratedAadLength];
            return AesGcmAnyNonce.Decrypt(aesKey, generatedAad[..MosipHybridFormat.GeneratedAadNonceLength], dataPart[MosipHybridFormat.GeneratedAadLength..], generatedAad);
        }
        // AAD given (or legacy data without VER_R2): the nonce is appended after ciphertext ‖ tag.
        if (dataPart.Length < MosipHybridFormat.AppendedNonceLength + AesGcmAnyNonce.TagSize)
        {
            throw new CryptographicException("Data part too short.");
        }
        return AesGcmAnyNonce.Decrypt(aesKey, dataPart[^MosipHybridFormat.AppendedNonceLength..], dataPart[..^MosipHybridFormat.AppendedNonceLength], aad ?? []);
    }

    public byte[] UnwrapSessionKey(string applicationId, string? referenceId, ReadOnlySpan<byte> thumbprint, ReadOnlySpan<byte> encryptedKey)
    {
        if (thumbprint.Length != MosipHybridFormat.ThumbprintLength || encryptedKey.Length != MosipHybridFormat.EncryptedKeyLength)
        {
            throw new KeysException(KeysErrors.CryptoInvalidData);
        }
        return UnwrapByThumbprint(applicationId, referenceId, thumbprint, encryptedKey);
    }

    private byte[] UnwrapByThumbprint(string applicationId, string? referenceId, ReadOnlySpan<byte> thumbprint, ReadOnlySpan<byte> encryptedKey)
    {
        var key = _keys.FindByThumbprint(thumbprint) ?? throw new KeysException(KeysErrors.KeyNotFoundByThumbprint);
        if (key.Record.ApplicationId != applicationId || key.Record.ReferenceId != (referenceId?.Trim() ?? string.Empty))
        {
            throw new KeysException(KeysErrors.AppIdReferenceIdNotMatching);
        }
        if (!key.HasPrivateKey)
        {
            throw new KeysException(KeysErrors.DecryptionNotAllowed);
        }
        return UnwrapWith(key, encryptedKey);
    }

    private byte[] UnwrapByTime(string applicationId, string? referenceId, ReadOnlySpan<byte> encryptedKey, DateTime atUtc)
    {
        if (encryptedKey.Length != MosipHybridFormat.EncryptedKeyLength)
        {
            throw new KeysException(KeysErrors.CryptoInvalidData);
        }
        var candidates = _keys.KeysValidAt(applicationId, referenceId, atUtc);
        if (candidates.Count == 0)
        {
            throw new KeysException(KeysErrors.NoUniqueAlias);
        }
        foreach (var candidate in candidates)
        {
            try
            {
                return _keys.PrivateKey(candidate).DecryptOaepSha256(encryptedKey);
            }
            catch (CryptographicException)
            {
                // Overlapping keys around a rotation: try the next one.
            }
        }
        throw new KeysException(KeysErrors.SymmetricKeyDecryptionFailed);
    }

    private byte[] UnwrapWith(ManagedKey key, ReadOnlySpan<byte> encryptedKey)
    {
        try
        {
            return _keys.PrivateKey(key).DecryptOaepSha256(encryptedKey);
        }
        catch (CryptographicException)
        {
            throw new KeysException(KeysErrors.SymmetricKeyDecryptionFailed);
        }
    }
}
