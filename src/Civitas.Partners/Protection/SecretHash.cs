using System.Security.Cryptography;
using System.Text;

namespace Civitas.Partners.Protection;

/// <summary>
/// How licence and API keys are stored and recognised. Both are long random values (the kernel's 16-character
/// alphanumeric licence keys carry ~95 bits, API keys 256 bits), so an unsalted SHA-256 cannot be reversed by
/// guessing; the purpose prefix keeps a licence key and an API key with the same text apart.
/// </summary>
internal static class SecretHash
{
    public static byte[] OfLicenseKey(string licenseKey) => Of("misp-license:", licenseKey);

    public static byte[] OfApiKey(string apiKey) => Of("partner-api-key:", apiKey);

    /// <summary>Constant time in the content of the hashes, so a caller learns nothing from how long a refusal takes.</summary>
    public static bool Matches(byte[] expected, byte[] actual) => CryptographicOperations.FixedTimeEquals(expected, actual);

    /// <summary>A new API key: 32 random bytes, base64url (43 characters, safe in a URL path).</summary>
    public static string NewApiKey() => System.Buffers.Text.Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    private static byte[] Of(string purpose, string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(purpose + secret));
}
