namespace Civitas.Pairing.MPin;

/// <summary>A DVS key pair: the secret z (32 bytes) and the public key Pa = z⁻¹·Q (128 bytes).</summary>
public sealed class DvsKeyPair
{
    internal DvsKeyPair(byte[] z, byte[] publicKey)
    {
        Z = z;
        PublicKey = publicKey;
    }

    /// <summary>The secret z. Secret: keep it on the client.</summary>
    public byte[] Z { get; }

    /// <summary>Pa = z⁻¹·Q in Milagro's G2 encoding.</summary>
    public byte[] PublicKey { get; }
}
