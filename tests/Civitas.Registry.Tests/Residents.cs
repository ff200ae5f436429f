namespace Civitas.Registry.Tests;

/// <summary>Synthetic residents for the tests.</summary>
internal static class Residents
{
    public static object Amina(string? staticPin = "482915") => new
    {
        staticPin,
        identity = new
        {
            fullName = new[] { new { language = "eng", value = "Amina Diallo" }, new { language = "fra", value = "Amina Diallo" } },
            dateOfBirth = "1990/04/17",
            gender = new[] { new { language = "eng", value = "Female" } },
            phone = "+221771234567",
            email = "amina.diallo@example.org",
            addressLine1 = new[] { new { language = "eng", value = "12 Rue des Palmiers" } },
            city = new[] { new { language = "eng", value = "Dakar" } },
            postalCode = "10200",
            photo = Convert.ToBase64String(new byte[] { 0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3 }),
            biometrics = new Dictionary<string, string[]>
            {
                ["Finger"] = [Convert.ToBase64String(new byte[64]), Convert.ToBase64String(new byte[] { 9, 9, 9 })],
                ["Face"] = [Convert.ToBase64String(new byte[] { 7, 7 })],
            },
        },
    };
}
