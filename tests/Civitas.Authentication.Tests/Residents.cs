using System.Security.Cryptography;

namespace Civitas.Authentication.Tests;

/// <summary>Synthetic residents; each gets its own phone number so its OTP can be found in the dev outbox.</summary>
internal static class Residents
{
    public const string Pin = "482915";

    /// <summary>A feature vector of 32 floats (the built-in matcher's template format: little-endian float32).</summary>
    public static byte[] FingerTemplate { get; } = Vector(i => 1f + (i % 7));

    /// <summary>Far from <see cref="FingerTemplate"/> under cosine similarity.</summary>
    public static byte[] OtherFinger { get; } = Vector(i => i % 2 == 0 ? 5f : -5f);

    public static string NewPhone() => "+2217" + RandomNumberGenerator.GetInt32(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);

    public static object Amina(string phone) => new
    {
        staticPin = Pin,
        identity = new
        {
            fullName = new[] { new { language = "eng", value = "Amina Diallo" }, new { language = "fra", value = "Amina Diallo" } },
            dateOfBirth = "1990/04/17",
            gender = new[] { new { language = "eng", value = "Female" } },
            phone,
            email = "amina.diallo@example.org",
            addressLine1 = new[] { new { language = "eng", value = "12 Rue des Palmiers" } },
            city = new[] { new { language = "eng", value = "Dakar" } },
            postalCode = "10200",
            biometrics = new Dictionary<string, string[]> { ["Finger"] = [Convert.ToBase64String(FingerTemplate)] },
        },
    };

    private static byte[] Vector(Func<int, float> value)
    {
        var bytes = new byte[32 * sizeof(float)];
        for (var i = 0; i < 32; i++)
        {
            BitConverter.TryWriteBytes(bytes.AsSpan(i * sizeof(float)), value(i));
        }
        return bytes;
    }
}
