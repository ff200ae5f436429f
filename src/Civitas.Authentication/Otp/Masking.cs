namespace Civitas.Authentication.Otp;

/// <summary>How the OTP answer shows where the code went (MOSIP's shapes: <c>XXXXXXX123</c>, <c>abXXXXXXXXXcd@xyz.com</c>).</summary>
internal static class Masking
{
    public static string Phone(string phone)
    {
        var digits = new string([.. phone.Where(char.IsAsciiDigit)]);
        return digits.Length <= 3 ? new string('X', digits.Length) : new string('X', digits.Length - 3) + digits[^3..];
    }

    public static string Email(string email)
    {
        var at = email.LastIndexOf('@');
        if (at <= 0)
        {
            return new string('X', email.Length);
        }
        var local = email[..at];
        var masked = local.Length <= 4 ? new string('X', local.Length) : local[..2] + new string('X', local.Length - 4) + local[^2..];
        return masked + email[at..];
    }
}
