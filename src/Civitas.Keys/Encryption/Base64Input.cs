using System.Buffers.Text;

namespace Civitas.Keys.Encryption;

/// <summary>MOSIP clients send base64url (usually unpadded) or standard base64; accept both, reject anything else.</summary>
public static class Base64Input
{
    public static bool TryDecode(string? text, out byte[] bytes)
    {
        bytes = [];
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }
        var trimmed = text.Trim();
        if (trimmed.AsSpan().IndexOfAny('+', '/') < 0 && Base64Url.IsValid(trimmed))
        {
            bytes = Base64Url.DecodeFromChars(trimmed);
            return true;
        }
        var padded = trimmed.Length % 4 == 0 ? trimmed : trimmed + new string('=', 4 - (trimmed.Length % 4));
        var buffer = new byte[padded.Length * 3 / 4];
        if (Convert.TryFromBase64String(padded, buffer, out var written))
        {
            bytes = buffer[..written];
            return true;
        }
        return false;
    }

    public static string EncodeUrl(ReadOnlySpan<byte> bytes) => Base64Url.EncodeToString(bytes);
}
