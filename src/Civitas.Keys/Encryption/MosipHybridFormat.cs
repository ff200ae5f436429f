namespace Civitas.Keys.Encryption;

/// <summary>
/// Byte layout of MOSIP crypto-manager ciphertexts (REFERENCE.md §3):
/// <c>["VER_R2"] ‖ thumbprint(32) ‖ RSA-OAEP(aesKey)(256) ‖ "#KEY_SPLITTER#" ‖ dataPart</c>.
/// </summary>
public static class MosipHybridFormat
{
    public const int ThumbprintLength = 32;
    public const int EncryptedKeyLength = 256;
    public const int GeneratedAadLength = 32;
    public const int GeneratedAadNonceLength = 12;
    public const int AppendedNonceLength = 16;

    public static ReadOnlySpan<byte> KeySplitter => "#KEY_SPLITTER#"u8;

    public static ReadOnlySpan<byte> VersionRsa2048 => "VER_R2"u8;

    /// <summary>Splits at the first key splitter; false when there is none.</summary>
    public static bool TrySplit(ReadOnlySpan<byte> combined, out ReadOnlySpan<byte> keyPart, out ReadOnlySpan<byte> dataPart)
    {
        var index = combined.IndexOf(KeySplitter);
        if (index < 0)
        {
            keyPart = dataPart = default;
            return false;
        }
        keyPart = combined[..index];
        dataPart = combined[(index + KeySplitter.Length)..];
        return true;
    }
}
