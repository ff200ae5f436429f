using System.Security.Cryptography;
using System.Text.Json;
using Civitas.Registry.Records;

namespace Civitas.Registry.Protection;

/// <summary>
/// Seals an identity document with AES-256-GCM under the registry data key. The row id is the associated data,
/// so a sealed document moved to another row no longer opens.
/// </summary>
internal static class IdentitySealer
{
    private const int NonceSize = 12;
    private const int TagSize = 16;

    public static byte[] Seal(StoredIdentity identity, Guid rowId, byte[] dataKey)
    {
        var plaintext = JsonSerializer.SerializeToUtf8Bytes(identity);
        var sealedDocument = new byte[NonceSize + plaintext.Length + TagSize];
        var nonce = sealedDocument.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(dataKey, TagSize);
        aes.Encrypt(nonce, plaintext, sealedDocument.AsSpan(NonceSize, plaintext.Length), sealedDocument.AsSpan(NonceSize + plaintext.Length), rowId.ToByteArray());
        CryptographicOperations.ZeroMemory(plaintext);
        return sealedDocument;
    }

    public static StoredIdentity Open(byte[] sealedDocument, Guid rowId, byte[] dataKey)
    {
        var length = sealedDocument.Length - NonceSize - TagSize;
        if (length < 0)
        {
            throw new CryptographicException("The sealed identity document is truncated.");
        }

        var plaintext = new byte[length];
        using var aes = new AesGcm(dataKey, TagSize);
        aes.Decrypt(sealedDocument.AsSpan(0, NonceSize), sealedDocument.AsSpan(NonceSize, length), sealedDocument.AsSpan(NonceSize + length), plaintext, rowId.ToByteArray());
        try
        {
            return JsonSerializer.Deserialize<StoredIdentity>(plaintext) ?? throw new CryptographicException("The identity document is empty.");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(plaintext);
        }
    }
}

/// <summary>What is sealed: the clear UIN (needed for static tokens) and the identity data.</summary>
internal sealed record StoredIdentity(string Uin, IdentityData Data);
