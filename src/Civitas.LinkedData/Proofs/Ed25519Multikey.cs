namespace Civitas.LinkedData.Proofs;

/// <summary>The multibase form of an Ed25519 public key: 'z' + base58btc(0xed 0x01 ‖ key), as in publicKeyMultibase.</summary>
public static class Ed25519Multikey
{
    public static string Encode(ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != 32)
        {
            throw new ArgumentException("An Ed25519 public key is 32 bytes.", nameof(publicKey));
        }

        return Base58Btc.EncodeMultibase([0xed, 0x01, .. publicKey]);
    }

    public static bool TryDecode(string? multibase, out byte[] publicKey)
    {
        publicKey = [];
        if (!Base58Btc.TryDecodeMultibase(multibase, out var bytes) || bytes.Length != 34 || bytes[0] != 0xed || bytes[1] != 0x01)
        {
            return false;
        }

        publicKey = bytes[2..];
        return true;
    }
}
