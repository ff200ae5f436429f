namespace Civitas.Pairing.MPin;

/// <summary>Hex as the Trust wire uses it: lower-case out, either case in.</summary>
public static class MPinHex
{
    public static string Encode(ReadOnlySpan<byte> bytes) => Convert.ToHexStringLower(bytes);

    /// <summary>Decodes hex; throws <see cref="PairingFormatException"/> for odd lengths or non-hex characters.</summary>
    public static byte[] Decode(string hex)
    {
        ArgumentNullException.ThrowIfNull(hex);
        try
        {
            return Convert.FromHexString(hex);
        }
        catch (FormatException e)
        {
            throw new PairingFormatException("Value is not valid hex (even length, 0-9 a-f).", e);
        }
    }
}
