using System.Globalization;
using System.Net.Mail;
using System.Text.RegularExpressions;

namespace Civitas.Registry.Records;

/// <summary>Checks identity input field by field; each problem names the field and what is expected.</summary>
internal static partial class IdentityValidation
{
    public static readonly string[] Modalities = ["Finger", "Iris", "Face"];

    public static Dictionary<string, string[]> Check(IdentityData? data, string? staticPin, TimeProvider clock)
    {
        var problems = new Dictionary<string, string[]>();
        if (data is null)
        {
            problems["identity"] = ["The identity object is required."];
            return problems;
        }

        if (data.FullName is not { Count: > 0 })
        {
            problems["identity.fullName"] = ["Give the name in at least one language: [{\"language\":\"eng\",\"value\":\"...\"}]."];
        }

        CheckLocalized(problems, "identity.fullName", data.FullName);
        CheckLocalized(problems, "identity.gender", data.Gender);
        CheckLocalized(problems, "identity.addressLine1", data.AddressLine1);
        CheckLocalized(problems, "identity.addressLine2", data.AddressLine2);
        CheckLocalized(problems, "identity.addressLine3", data.AddressLine3);
        CheckLocalized(problems, "identity.city", data.City);
        CheckLocalized(problems, "identity.region", data.Region);

        if (data.DateOfBirth is { } dob)
        {
            var today = clock.GetUtcNow().UtcDateTime.Date;
            if (!DateTime.TryParseExact(dob, "yyyy/MM/dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var born) || born > today || born.Year < 1880)
            {
                problems["identity.dateOfBirth"] = ["Use yyyy/MM/dd, a real date between 1880 and today."];
            }
        }

        if (data.Phone is { } phone && !PhonePattern().IsMatch(phone))
        {
            problems["identity.phone"] = ["Use 6 to 15 digits, optionally after '+'."];
        }

        if (data.Email is { } email && (email.Length > 254 || !MailAddress.TryCreate(email, out var parsed) || parsed.Address != email))
        {
            problems["identity.email"] = ["Use a plain e-mail address such as name@example.org."];
        }

        if (data.PostalCode is { } postal && !PostalPattern().IsMatch(postal))
        {
            problems["identity.postalCode"] = ["Use 2 to 16 letters, digits, spaces or '-'."];
        }

        if (data.Photo is { } photo && !IsBase64(photo))
        {
            problems["identity.photo"] = ["The photo must be base64."];
        }

        foreach (var (modality, templates) in data.Biometrics)
        {
            if (!Modalities.Contains(modality, StringComparer.Ordinal))
            {
                problems[$"identity.biometrics.{modality}"] = [$"Unknown modality; use {string.Join(", ", Modalities)}."];
            }
            else if (templates is not { Count: > 0 } || templates.Any(template => !IsBase64(template)))
            {
                problems[$"identity.biometrics.{modality}"] = ["Give one or more base64 templates."];
            }
        }

        if (staticPin is not null && !PinPattern().IsMatch(staticPin))
        {
            problems["staticPin"] = ["Use 4 to 12 digits."];
        }

        return problems;
    }

    public static bool IsAuthType(string authType) => AuthTypePattern().IsMatch(authType);

    private static void CheckLocalized(Dictionary<string, string[]> problems, string field, IReadOnlyList<LocalizedValue>? values)
    {
        if (values is null)
        {
            return;
        }

        foreach (var value in values)
        {
            if (value is null || !LanguagePattern().IsMatch(value.Language ?? "") || string.IsNullOrWhiteSpace(value.Value) || value.Value.Length > 256)
            {
                problems[field] = ["Each entry needs a language code (2-8 letters, e.g. eng) and a value of 1-256 characters."];
                return;
            }
        }
    }

    private static bool IsBase64(string text)
    {
        var buffer = new byte[(text.Length * 3 / 4) + 3];
        return text.Length > 0 && Convert.TryFromBase64String(text, buffer, out _);
    }

    [GeneratedRegex(@"^\+?[0-9]{6,15}$")]
    private static partial Regex PhonePattern();

    [GeneratedRegex(@"^[A-Za-z0-9 -]{2,16}$")]
    private static partial Regex PostalPattern();

    [GeneratedRegex("^[0-9]{4,12}$")]
    private static partial Regex PinPattern();

    [GeneratedRegex("^[a-z]{2,8}$")]
    private static partial Regex LanguagePattern();

    [GeneratedRegex("^(demo|otp|pin|bio(-(Finger|Iris|Face))?)$")]
    private static partial Regex AuthTypePattern();
}
