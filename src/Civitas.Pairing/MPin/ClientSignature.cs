namespace Civitas.Pairing.MPin;

/// <summary>A one-pass authentication value or DVS signature: U, V and the challenge y they commit to.</summary>
public sealed class ClientSignature
{
    internal ClientSignature(byte[] u, byte[] v, byte[] y)
    {
        U = u;
        V = v;
        Y = y;
    }

    /// <summary>U = x·H(ID) (65 bytes).</summary>
    public byte[] U { get; }

    /// <summary>V = -(x + y)·(Token + PIN·H(ID)) (65 bytes).</summary>
    public byte[] V { get; }

    /// <summary>y = SHA-256(be32(time) ‖ U ‖ message) mod r (32 bytes).</summary>
    public byte[] Y { get; }
}
