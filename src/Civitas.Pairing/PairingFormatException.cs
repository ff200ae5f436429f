namespace Civitas.Pairing;

/// <summary>
/// A byte encoding (point, field element, scalar, hex) is malformed: wrong length, not canonical,
/// not on the curve or not in the prime-order subgroup. Thrown only for malformed input, never for a failed verification.
/// </summary>
public sealed class PairingFormatException : ArgumentException
{
    public PairingFormatException()
    {
    }

    public PairingFormatException(string message)
        : base(message)
    {
    }

    public PairingFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
