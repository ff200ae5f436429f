namespace Civitas.Pairing.MPin;

/// <summary>
/// The trust authority's side: master secret shares, server secret s·Q, client secret s·H(ID),
/// time permits s·H(date ‖ H(ID)), and recombination of the two authorities' shares.
/// </summary>
public static class MPinSecrets
{
    /// <summary>RANDOM_GENERATE: a fresh master secret (or any secret scalar), 32 bytes big-endian, uniform in [1, r).</summary>
    public static byte[] GenerateMasterSecret() => Scalars.Random().ToBytes();

    /// <summary>GET_SERVER_SECRET: s·Q in G2 (128 bytes).</summary>
    public static byte[] ServerSecret(ReadOnlySpan<byte> masterSecret) =>
        G2Point.Generator.Multiply(Scalar.FromBytes(masterSecret)).Encode();

    /// <summary>GET_CLIENT_SECRET: s·H(ID) in G1 (65 bytes) for the raw identity (the mpinId bytes).</summary>
    public static byte[] ClientSecret(ReadOnlySpan<byte> masterSecret, ReadOnlySpan<byte> mpinId) =>
        MPinHash.IdentityPoint(mpinId).Multiply(Scalar.FromBytes(masterSecret)).Encode();

    /// <summary>GET_CLIENT_PERMIT: s·H(date ‖ HASH_ID(ID)) in G1 (65 bytes); date is days since the epoch.</summary>
    public static byte[] TimePermit(ReadOnlySpan<byte> masterSecret, ReadOnlySpan<byte> mpinId, int date)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(date);
        return MPinHash.DatePoint((uint)date, MPinHash.HashId(mpinId)).Multiply(Scalar.FromBytes(masterSecret)).Encode();
    }

    /// <summary>RECOMBINE_G1: adds two G1 shares (client secret or time permit shares).</summary>
    public static byte[] CombineG1(ReadOnlySpan<byte> share1, ReadOnlySpan<byte> share2) =>
        (G1Point.Decode(share1) + G1Point.Decode(share2)).Encode();

    /// <summary>RECOMBINE_G2: adds two G2 shares (server secret shares).</summary>
    public static byte[] CombineG2(ReadOnlySpan<byte> share1, ReadOnlySpan<byte> share2) =>
        (G2Point.Decode(share1) + G2Point.Decode(share2)).Encode();
}
