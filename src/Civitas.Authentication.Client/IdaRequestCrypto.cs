using System.Buffers.Text;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Civitas.Authentication.Client.Crypto;

namespace Civitas.Authentication.Client;

/// <summary>
/// The IDA request and eKYC payload cryptography (REFERENCE section 7), low level so tests can tamper with each part.
/// <list type="bullet">
/// <item><c>request</c> = base64url(AES-256-GCM(json) ‖ 16-byte nonce) under a fresh key per request, no AAD.</item>
/// <item><c>requestSessionKey</c> = base64url(RSA-OAEP-SHA256(key)) with the IDA partner-facing certificate.</item>
/// <item><c>requestHMAC</c> = the same layout, same key, over the upper-case hex SHA-256 of the request JSON.</item>
/// <item><c>thumbprint</c> = SHA-256 of the certificate's DER, as upper-case hex or base64url.</item>
/// </list>
/// eKYC <c>identity</c> comes back in the <c>request</c> layout under a key wrapped to the partner's certificate.
/// </summary>
public static partial class IdaRequestCrypto
{
    public const int NonceSize = 16;
    public const int KeySize = 32;

    /// <summary>Encrypts and MACs <paramref name="requestJson"/> for the holder of <paramref name="idaCertificate"/>.</summary>
    public static SealedRequest Seal(ReadOnlySpan<byte> requestJson, X509Certificate2 idaCertificate)
    {
        ArgumentNullException.ThrowIfNull(idaCertificate);
        using var rsa = idaCertificate.GetRSAPublicKey()
            ?? throw new ArgumentException("The IDA certificate does not hold an RSA public key.", nameof(idaCertificate));
        var key = RandomNumberGenerator.GetBytes(KeySize);
        try
        {
            var request = EncryptWithAppendedNonce(key, requestJson);
            var hashHex = Convert.ToHexString(SHA256.HashData(requestJson)); // upper case, as MOSIP's digestAsPlainText
            var hmac = EncryptWithAppendedNonce(key, System.Text.Encoding.ASCII.GetBytes(hashHex));
            var sessionKey = rsa.Encrypt(key, RSAEncryptionPadding.OaepSHA256);
            var thumbprint = Thumbprint(idaCertificate);
            return new SealedRequest(
                Base64Url.EncodeToString(request),
                Base64Url.EncodeToString(sessionKey),
                Base64Url.EncodeToString(hmac),
                Convert.ToHexString(thumbprint),
                Base64Url.EncodeToString(thumbprint));
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>
    /// Opens an eKYC <c>identity</c> with its <c>sessionKey</c> and the partner's private key; returns the JSON bytes.
    /// Throws <see cref="CryptographicException"/> with a plain reason for anything that does not open.
    /// </summary>
    public static byte[] OpenKycIdentity(string identity, string sessionKey, RSA partnerPrivateKey)
    {
        ArgumentNullException.ThrowIfNull(partnerPrivateKey);
        var encryptedKey = DecodeBase64Url(sessionKey, "sessionKey");
        var data = DecodeBase64Url(identity, "identity");
        byte[] key;
        try
        {
            key = partnerPrivateKey.Decrypt(encryptedKey, RSAEncryptionPadding.OaepSHA256);
        }
        catch (CryptographicException ex)
        {
            throw new CryptographicException("The eKYC sessionKey does not open with the partner's private key.", ex);
        }

        try
        {
            if (key.Length != KeySize)
            {
                throw new CryptographicException($"The eKYC session key is {key.Length} bytes, not {KeySize}.");
            }

            return DecryptWithAppendedNonce(key, data, "identity");
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>SHA-256 of the certificate's DER encoding (what <c>thumbprint</c> carries).</summary>
    public static byte[] Thumbprint(X509Certificate2 certificate)
    {
        ArgumentNullException.ThrowIfNull(certificate);
        return SHA256.HashData(certificate.RawData);
    }

    /// <summary>AES-GCM(data) ‖ nonce with a fresh random 16-byte nonce and no AAD.</summary>
    internal static byte[] EncryptWithAppendedNonce(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data)
    {
        var nonce = RandomNumberGenerator.GetBytes(NonceSize);
        return [.. GcmAnyNonce.Encrypt(key, nonce, data, []), .. nonce];
    }

    internal static byte[] DecryptWithAppendedNonce(ReadOnlySpan<byte> key, ReadOnlySpan<byte> data, string what)
    {
        if (data.Length < NonceSize + GcmAnyNonce.TagSize)
        {
            throw new CryptographicException($"The eKYC {what} is too short to hold a tag and a nonce.");
        }

        try
        {
            return GcmAnyNonce.Decrypt(key, data[^NonceSize..], data[..^NonceSize], []);
        }
        catch (AuthenticationTagMismatchException ex)
        {
            throw new CryptographicException($"The eKYC {what} was altered or was not encrypted with its session key.", ex);
        }
    }

    private static byte[] DecodeBase64Url(string? value, string what)
    {
        if (string.IsNullOrEmpty(value) || !Base64Url.IsValid(value))
        {
            throw new CryptographicException($"The eKYC {what} is missing or not base64url.");
        }

        return Base64Url.DecodeFromChars(value);
    }
}

/// <summary>The encrypted parts of an IDA request body.</summary>
public sealed record SealedRequest(string Request, string RequestSessionKey, string RequestHmac, string ThumbprintHex, string ThumbprintBase64Url);
