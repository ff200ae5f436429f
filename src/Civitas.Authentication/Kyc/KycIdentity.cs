using System.Buffers;
using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Civitas.Authentication.Requests;
using Civitas.Registry.Records;

namespace Civitas.Authentication.Kyc;

/// <summary>
/// The eKYC answer (REFERENCE §7): the resident's attributes the partner's policy and the request both allow,
/// as JSON, sealed with a fresh AES-256 key (<c>identity</c> = base64url(ciphertext ‖ tag ‖ 16-byte nonce)); the key
/// wrapped with RSA-OAEP-SHA256 to the partner certificate (<c>sessionKey</c>); <c>thumbprint</c> = upper-case hex
/// SHA-256 of that certificate. Never holds the UIN or the biometric templates.
/// </summary>
internal static class KycIdentity
{
    /// <summary>Every attribute name eKYC can hand out (the registry's names).</summary>
    public static readonly string[] AttributeNames =
        ["fullName", "dateOfBirth", "gender", "phone", "email", "addressLine1", "addressLine2", "addressLine3", "city", "region", "postalCode", "photo"];

    /// <summary>Policy ∩ request; an empty or absent request list means everything the policy allows.</summary>
    public static IReadOnlyList<string> Allowed(IReadOnlySet<string> policy, IReadOnlyList<string>? requested) =>
        [.. AttributeNames.Where(name => policy.Contains(name) && (requested is not { Count: > 0 } || requested.Contains(name, StringComparer.Ordinal)))];

    public static byte[] Json(IdentityData data, IReadOnlyList<string> attributes)
    {
        var buffer = new ArrayBufferWriter<byte>(1024);
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var name in attributes)
            {
                switch (name)
                {
                    case "fullName": Localized(writer, name, data.FullName); break;
                    case "gender": Localized(writer, name, data.Gender); break;
                    case "addressLine1": Localized(writer, name, data.AddressLine1); break;
                    case "addressLine2": Localized(writer, name, data.AddressLine2); break;
                    case "addressLine3": Localized(writer, name, data.AddressLine3); break;
                    case "city": Localized(writer, name, data.City); break;
                    case "region": Localized(writer, name, data.Region); break;
                    case "dateOfBirth": Text(writer, name, data.DateOfBirth); break;
                    case "phone": Text(writer, name, data.Phone); break;
                    case "email": Text(writer, name, data.Email); break;
                    case "postalCode": Text(writer, name, data.PostalCode); break;
                    case "photo": Text(writer, name, data.Photo); break;
                    default: break;
                }
            }
            writer.WriteEndObject();
        }
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>Seals <paramref name="json"/> to the partner: (identity, sessionKey, thumbprint).</summary>
    public static (string Identity, string SessionKey, string Thumbprint) Seal(byte[] json, PartnerCertificate certificate)
    {
        var key = RandomNumberGenerator.GetBytes(32);
        try
        {
            var identity = Base64Url.EncodeToString(RequestDecryptor.Seal(key, json));
            var sessionKey = Base64Url.EncodeToString(certificate.PublicKey.Encrypt(key, RSAEncryptionPadding.OaepSHA256));
            return (identity, sessionKey, certificate.ThumbprintHex);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    private static void Localized(Utf8JsonWriter writer, string name, IReadOnlyList<LocalizedValue> values)
    {
        if (values.Count == 0)
        {
            return;
        }
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            writer.WriteStartObject();
            writer.WriteString("language", value.Language);
            writer.WriteString("value", value.Value);
            writer.WriteEndObject();
        }
        writer.WriteEndArray();
    }

    private static void Text(Utf8JsonWriter writer, string name, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            writer.WriteString(name, value);
        }
    }
}
