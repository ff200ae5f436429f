namespace Civitas.Pairing.MPin;

/// <summary>
/// The client's first pass. <see cref="U"/> (and <see cref="UT"/> with time permits) go to the server;
/// <see cref="X"/> and <see cref="Sec"/> are secret and stay on the client for pass 2.
/// </summary>
public sealed class ClientPass1
{
    internal ClientPass1(byte[] x, byte[] u, byte[]? ut, byte[] sec)
    {
        X = x;
        U = u;
        UT = ut;
        Sec = sec;
    }

    /// <summary>The random x (32 bytes). Secret.</summary>
    public byte[] X { get; }

    /// <summary>U = x·H(ID) (65 bytes).</summary>
    public byte[] U { get; }

    /// <summary>UT = x·(H(ID) + H(date ‖ H(ID))) when a time permit is used, otherwise null.</summary>
    public byte[]? UT { get; }

    /// <summary>Token + PIN·H(ID) (+ time permit): the recombined client secret. Secret.</summary>
    public byte[] Sec { get; }
}
