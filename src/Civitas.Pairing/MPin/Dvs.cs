namespace Civitas.Pairing.MPin;

/// <summary>
/// Designated-verifier signatures (MIRACL Trust "DVS"): the client holds z and Pa = z⁻¹·Q, its identity
/// becomes mpinId ‖ Pa, its client secret is multiplied by z, and a signature (U, V) over a message and a
/// timestamp verifies as e(V, Pa) · e(U + y·H(mpinId ‖ Pa), sQ) = 1 with y = SHA-256(be32(time) ‖ U ‖ message) mod r.
/// </summary>
public static class Dvs
{
    /// <summary>GET_DVS_KEYPAIR with a fresh random z.</summary>
    public static DvsKeyPair GenerateKeyPair() => KeyPairFrom(Scalars.Random());

    /// <summary>GET_DVS_KEYPAIR for a given z (32 bytes).</summary>
    public static DvsKeyPair KeyPairFromSecret(ReadOnlySpan<byte> z)
    {
        var zs = Scalar.FromBytes(z);
        if (zs.IsZero)
        {
            throw new PairingFormatException("The DVS secret z must not be zero modulo r.");
        }

        return KeyPairFrom(zs);
    }

    private static DvsKeyPair KeyPairFrom(in Scalar z) =>
        new(z.ToBytes(), G2Point.Generator.Multiply(z.Invert()).Encode());

    /// <summary>The identity a DVS client is issued secrets for: mpinId ‖ Pa.</summary>
    public static byte[] SigningIdentity(ReadOnlySpan<byte> mpinId, ReadOnlySpan<byte> publicKey)
    {
        if (publicKey.Length != G2Point.EncodedLength)
        {
            throw new PairingFormatException($"A DVS public key is {G2Point.EncodedLength} bytes, got {publicKey.Length}.");
        }

        return [.. mpinId, .. publicKey];
    }

    /// <summary>z·CS: the client's key-escrow-less secret (65 bytes), before extracting the PIN.</summary>
    public static byte[] ClientSecret(ReadOnlySpan<byte> clientSecret, ReadOnlySpan<byte> z) =>
        G1Point.Decode(clientSecret).Multiply(Scalar.FromBytes(z)).Encode();

    /// <summary>Signs a message at a timestamp with the PIN and the token issued for <paramref name="signingIdentity"/>.</summary>
    public static ClientSignature Sign(
        ReadOnlySpan<byte> signingIdentity,
        int pin,
        ReadOnlySpan<byte> token,
        uint timestamp,
        ReadOnlySpan<byte> message,
        ReadOnlySpan<byte> x = default) =>
        MPinClient.OnePass(signingIdentity, pin, token, timestamp, message, x);

    /// <summary>
    /// Verifies a DVS signature. Returns false for any signature that does not verify; throws
    /// <see cref="PairingFormatException"/> only when an encoding (U, V, the public key) is malformed.
    /// </summary>
    public static bool Verify(
        G2Point serverSecret,
        ReadOnlySpan<byte> mpinId,
        ReadOnlySpan<byte> publicKey,
        uint timestamp,
        ReadOnlySpan<byte> message,
        ReadOnlySpan<byte> u,
        ReadOnlySpan<byte> v)
        => Verify(serverSecret, mpinId, G2Point.Decode(publicKey), timestamp, message, u, v);

    /// <summary>
    /// Verifies with an already decoded public key. Decoding checks the subgroup and the first use computes the
    /// key's Miller-loop lines, so a service that keeps the decoded key per identity verifies faster.
    /// </summary>
    public static bool Verify(
        G2Point serverSecret,
        ReadOnlySpan<byte> mpinId,
        G2Point publicKey,
        uint timestamp,
        ReadOnlySpan<byte> message,
        ReadOnlySpan<byte> u,
        ReadOnlySpan<byte> v)
    {
        ArgumentNullException.ThrowIfNull(serverSecret);
        ArgumentNullException.ThrowIfNull(publicKey);
        var idPoint = MPinHash.IdentityPoint(SigningIdentity(mpinId, publicKey.Encode()));
        var y = MPinHash.Challenge(timestamp, u, message);
        return MPinServer.Check(publicKey, serverSecret, idPoint, G1Point.Decode(u), y, G1Point.Decode(v));
    }
}
