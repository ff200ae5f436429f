using System.Security.Cryptography;
using System.Text;
using Civitas.Registry.Records;

namespace Civitas.Registry.Protection;

/// <summary>
/// Keyed hashes by which records are found: HMAC-SHA256 under the registry lookup key, with the id type in the
/// input so a UIN and a VID with the same digits never collide. Without the key the table reveals no numbers.
/// </summary>
internal static class LookupHash
{
    public static byte[] Of(IndividualIdType type, string id, byte[] lookupKey) =>
        HMACSHA256.HashData(lookupKey, Encoding.UTF8.GetBytes((type == IndividualIdType.Uin ? "UIN:" : "VID:") + id));
}
