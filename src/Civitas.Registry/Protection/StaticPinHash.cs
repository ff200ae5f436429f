using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Civitas.Registry.Protection;

/// <summary>
/// Static PINs are short, so they are first keyed with the registry lookup key (a pepper that is not in the
/// database) and then stretched with PBKDF2-SHA256 and a per-record salt: a stolen table cannot be brute-forced
/// without the key manager, and the KDF slows guessing even with it. Format: <c>pbkdf2-sha256$iterations$salt$hash</c>.
/// </summary>
internal static class StaticPinHash
{
    public const int Iterations = 100_000;
    private const string Scheme = "pbkdf2-sha256";

    public static string Create(string pin, byte[] pepper)
    {
        var salt = RandomNumberGenerator.GetBytes(16);
        var hash = Derive(pin, pepper, salt, Iterations);
        return string.Join('$', Scheme, Iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    public static bool Verify(string pin, string stored, byte[] pepper)
    {
        var parts = stored.Split('$');
        if (parts.Length != 4 || parts[0] != Scheme || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out var iterations) || iterations < 1)
        {
            return false;
        }

        var expected = Convert.FromBase64String(parts[3]);
        var actual = Derive(pin, pepper, Convert.FromBase64String(parts[2]), iterations);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static byte[] Derive(string pin, byte[] pepper, byte[] salt, int iterations)
    {
        var keyed = HMACSHA256.HashData(pepper, Encoding.UTF8.GetBytes("PIN:" + pin));
        return Rfc2898DeriveBytes.Pbkdf2(keyed, salt, iterations, HashAlgorithmName.SHA256, 32);
    }
}
