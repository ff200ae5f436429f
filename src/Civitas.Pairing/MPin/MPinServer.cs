namespace Civitas.Pairing.MPin;

/// <summary>
/// The server side of M-Pin: the pass-1 challenge and the pass-2 check
/// e(V, Q) · e(U + y·H(ID), sQ) = 1 (one shared Miller loop, one final exponentiation).
/// Everything here is public data (identities, U, V, y, sQ), so no constant-time care is needed.
/// Verification returns false for any wrong value; only malformed encodings throw <see cref="PairingFormatException"/>.
/// </summary>
public static class MPinServer
{
    /// <summary>The random challenge y for pass 1 (32 bytes).</summary>
    public static byte[] GenerateChallenge() => Scalars.Random().ToBytes();

    /// <summary>Decodes and validates a server secret once (subgroup check included); reuse the result across checks.</summary>
    public static G2Point DecodeServerSecret(ReadOnlySpan<byte> serverSecret) => G2Point.Decode(serverSecret);

    /// <summary>
    /// SERVER_2 for two-pass M-Pin. Without time permits (<paramref name="date"/> = 0) the check uses U;
    /// with them it uses UT and H(ID) + H(date ‖ H(ID)).
    /// </summary>
    public static bool Verify(
        G2Point serverSecret,
        ReadOnlySpan<byte> mpinId,
        ReadOnlySpan<byte> u,
        ReadOnlySpan<byte> ut,
        int date,
        ReadOnlySpan<byte> y,
        ReadOnlySpan<byte> v)
    {
        ArgumentNullException.ThrowIfNull(serverSecret);
        ArgumentOutOfRangeException.ThrowIfNegative(date);
        var hashedId = MPinHash.HashId(mpinId);
        var idPoint = MPinHash.MapToG1(hashedId);
        G1Point commitment;
        if (date != 0)
        {
            idPoint += MPinHash.DatePoint((uint)date, hashedId);
            commitment = G1Point.Decode(ut);
        }
        else
        {
            commitment = G1Point.Decode(u);
        }

        return Check(G2Point.Generator, serverSecret, idPoint, commitment, Scalar.FromBytes(y), G1Point.Decode(v));
    }

    /// <summary>Overload taking the encoded server secret (decoded and subgroup-checked on every call).</summary>
    public static bool Verify(
        ReadOnlySpan<byte> serverSecret,
        ReadOnlySpan<byte> mpinId,
        ReadOnlySpan<byte> u,
        ReadOnlySpan<byte> ut,
        int date,
        ReadOnlySpan<byte> y,
        ReadOnlySpan<byte> v) =>
        Verify(G2Point.Decode(serverSecret), mpinId, u, ut, date, y, v);

    /// <summary>The one-pass challenge y = SHA-256(be32(time) ‖ U ‖ message) mod r (GET_Y).</summary>
    public static byte[] OnePassChallenge(uint timeValue, ReadOnlySpan<byte> u, ReadOnlySpan<byte> message = default) =>
        MPinHash.Challenge(timeValue, u, message).ToBytes();

    /// <summary>SERVER (one pass, no time permit): recomputes y from the time and U, then checks as in two-pass.</summary>
    public static bool VerifyOnePass(
        G2Point serverSecret,
        ReadOnlySpan<byte> mpinId,
        uint timeValue,
        ReadOnlySpan<byte> u,
        ReadOnlySpan<byte> v,
        ReadOnlySpan<byte> message = default)
    {
        ArgumentNullException.ThrowIfNull(serverSecret);
        var y = MPinHash.Challenge(timeValue, u, message);
        return Check(G2Point.Generator, serverSecret, MPinHash.IdentityPoint(mpinId), G1Point.Decode(u), y, G1Point.Decode(v));
    }

    /// <summary>
    /// e(V, A) · e(R + y·P, sQ) = 1, where A is Q (M-Pin) or the DVS public key Pa. y and P are public,
    /// so y·P takes the variable-time public-data path; R + y·P stays projective until one final inversion.
    /// </summary>
    internal static bool Check(G2Point a, G2Point serverSecret, G1Point idPoint, G1Point commitment, in Scalar y, G1Point v)
    {
        var yP = G1Projective.MultiplyPublic(idPoint.ToProjective(), y.Value);
        var combined = G1Point.FromProjective(G1Projective.Add(yP, commitment.ToProjective()));
        return Pairing.IsProductOne([v, combined], [a, serverSecret]);
    }
}
