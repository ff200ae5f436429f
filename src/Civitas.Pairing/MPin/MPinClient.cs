namespace Civitas.Pairing.MPin;

/// <summary>
/// The client side of M-Pin as MIRACL Trust clients compute it: PIN extraction, pass 1 and pass 2,
/// and one-pass authentication. Secret inputs (PIN, x, token, client secret) only ever meet
/// constant-time scalar multiplication and complete point addition.
/// </summary>
public static class MPinClient
{
    /// <summary>Trust clients use 6-digit PINs: MAXPIN = 1 000 000 (PBLEN 20), not Milagro's default 10 000.</summary>
    public const int MaxPin = 1_000_000;

    /// <summary>EXTRACT_PIN: token = clientSecret - PIN·H(ID) (65 bytes).</summary>
    public static byte[] ExtractPin(ReadOnlySpan<byte> mpinId, int pin, ReadOnlySpan<byte> clientSecret)
    {
        var secret = G1Point.Decode(clientSecret);
        return (secret - MPinHash.IdentityPoint(mpinId).Multiply(Scalars.Pin(pin))).Encode();
    }

    /// <summary>RESTORE_FACTOR for a PIN: clientSecret = token + PIN·H(ID) (65 bytes).</summary>
    public static byte[] RestorePin(ReadOnlySpan<byte> mpinId, int pin, ReadOnlySpan<byte> token)
    {
        var t = G1Point.Decode(token);
        return (t + MPinHash.IdentityPoint(mpinId).Multiply(Scalars.Pin(pin))).Encode();
    }

    /// <summary>
    /// CLIENT_1: picks x (or uses <paramref name="x"/> when given), computes U = x·H(ID) and, when
    /// <paramref name="date"/> ≠ 0, UT = x·(H(ID) + H(date ‖ H(ID))) and adds the time permit to the secret.
    /// </summary>
    public static ClientPass1 Pass1(
        ReadOnlySpan<byte> mpinId,
        int pin,
        ReadOnlySpan<byte> token,
        int date = 0,
        ReadOnlySpan<byte> timePermit = default,
        ReadOnlySpan<byte> x = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(date);
        var xs = Scalars.OrRandom(x);
        var hashedId = MPinHash.HashId(mpinId);
        var idPoint = MPinHash.MapToG1(hashedId);
        var sec = G1Point.Decode(token) + idPoint.Multiply(Scalars.Pin(pin));
        var u = idPoint.Multiply(xs);
        byte[]? ut = null;
        if (date != 0)
        {
            sec += G1Point.Decode(timePermit);
            var datePoint = MPinHash.DatePoint((uint)date, hashedId);
            ut = (u + datePoint.Multiply(xs)).Encode();
        }

        return new ClientPass1(xs.ToBytes(), u.Encode(), ut, sec.Encode());
    }

    /// <summary>CLIENT_2: V = -((x + y) mod r)·SEC (65 bytes).</summary>
    public static byte[] Pass2(ReadOnlySpan<byte> x, ReadOnlySpan<byte> y, ReadOnlySpan<byte> sec) =>
        Pass2(Scalar.FromBytes(x), Scalar.FromBytes(y), G1Point.Decode(sec)).Encode();

    internal static G1Point Pass2(in Scalar x, in Scalar y, G1Point sec) => -sec.Multiply(x + y);

    /// <summary>
    /// CLIENT (one pass, no time permit): U = x·H(ID), y = SHA-256(be32(time) ‖ U ‖ message) mod r,
    /// V = -(x + y)·(token + PIN·H(ID)). An empty message gives plain one-pass M-Pin; DVS signs a message.
    /// </summary>
    public static ClientSignature OnePass(
        ReadOnlySpan<byte> mpinId,
        int pin,
        ReadOnlySpan<byte> token,
        uint timeValue,
        ReadOnlySpan<byte> message = default,
        ReadOnlySpan<byte> x = default)
    {
        var xs = Scalars.OrRandom(x);
        var idPoint = MPinHash.IdentityPoint(mpinId);
        var sec = G1Point.Decode(token) + idPoint.Multiply(Scalars.Pin(pin));
        var u = idPoint.Multiply(xs).Encode();
        var y = MPinHash.Challenge(timeValue, u, message);
        var v = Pass2(xs, y, sec);
        return new ClientSignature(u, v.Encode(), y.ToBytes());
    }
}
