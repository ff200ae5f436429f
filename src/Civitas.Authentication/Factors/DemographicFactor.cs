using System.Globalization;
using Civitas.Authentication.Errors;
using Civitas.Matching;
using Civitas.Registry.Records;
using Microsoft.Extensions.Options;

namespace Civitas.Authentication.Factors;

/// <summary>
/// Demographic authentication: each requested attribute is compared with the registry's value in the same language,
/// under the attribute's strategy and threshold from the matching module's policy (<c>Civitas:Matching:Demographics</c>;
/// exact, 100 unless configured). The first failing attribute is
/// named: IDA-DEA-001 mismatch, IDA-DEA-002 unsupported language, IDA-DEA-003 nothing stored to compare with.
/// </summary>
internal sealed class DemographicFactor(IDemographicMatchPolicy policy, IOptions<AuthenticationOptions> options, TimeProvider clock)
{
    private readonly HashSet<string> _languages = new(options.Value.SupportedLanguages, StringComparer.OrdinalIgnoreCase);

    public IdaError? Verify(DemographicInput input, IdentityData stored)
    {
        foreach (var name in DemographicInput.LocalizedNames)
        {
            if (!input.Localized.TryGetValue(name, out var requested))
            {
                continue;
            }
            foreach (var value in requested)
            {
                if (!_languages.Contains(value.Language))
                {
                    return IdaErrors.DemoLanguage.With(value.Language.Length > 8 ? value.Language[..8] : value.Language);
                }
                var reference = StoredLocalized(name, value.Language, stored);
                if (string.IsNullOrWhiteSpace(reference))
                {
                    return IdaErrors.DemoNotInDatabase.With(name);
                }
                if (!policy.Evaluate(name, value.Value, reference, value.Language).IsMatch)
                {
                    return IdaErrors.DemoMismatch.With(name);
                }
            }
        }
        foreach (var name in DemographicInput.ScalarNames)
        {
            if (!input.Scalars.TryGetValue(name, out var requested))
            {
                continue;
            }
            var error = VerifyScalar(name, requested, stored);
            if (error is not null)
            {
                return error;
            }
        }
        return null;
    }

    private IdaError? VerifyScalar(string name, string requested, IdentityData stored)
    {
        switch (name)
        {
            case "dob":
                if (!TryParseDate(stored.DateOfBirth, out var dob))
                {
                    return IdaErrors.DemoNotInDatabase.With(name);
                }
                return TryParseDate(requested, out var given) && given == dob ? null : IdaErrors.DemoMismatch.With(name);
            case "age":
                if (!TryParseDate(stored.DateOfBirth, out var born))
                {
                    return IdaErrors.DemoNotInDatabase.With(name);
                }
                return int.TryParse(requested, NumberStyles.None, CultureInfo.InvariantCulture, out var age) && age == AgeOn(born, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime))
                    ? null : IdaErrors.DemoMismatch.With(name);
            case "phoneNumber":
                return Compare(name, requested, stored.Phone, PhoneDigits);
            case "emailId":
                return Compare(name, requested, stored.Email, text => text.Trim().ToUpperInvariant());
            case "postalCode":
                return Compare(name, requested, stored.PostalCode, text => text.Replace(" ", "", StringComparison.Ordinal).ToUpperInvariant());
            default:
                return IdaErrors.InvalidInput.With("request.demographics." + name);
        }
    }

    private static IdaError? Compare(string name, string requested, string? stored, Func<string, string> normalise)
    {
        if (string.IsNullOrWhiteSpace(stored))
        {
            return IdaErrors.DemoNotInDatabase.With(name);
        }
        return string.Equals(normalise(requested), normalise(stored), StringComparison.Ordinal) ? null : IdaErrors.DemoMismatch.With(name);
    }

    private static string PhoneDigits(string text) => new([.. text.Where(char.IsAsciiDigit)]);

    private static string? StoredLocalized(string name, string language, IdentityData stored)
    {
        if (name == "fullAddress")
        {
            var parts = new[] { stored.AddressLine1, stored.AddressLine2, stored.AddressLine3, stored.City, stored.Region }
                .Select(values => InLanguage(values, language))
                .Append(stored.PostalCode)
                .Where(part => !string.IsNullOrWhiteSpace(part));
            var joined = string.Join(' ', parts);
            return joined.Length == 0 ? null : joined;
        }
        var source = name switch
        {
            "name" => stored.FullName,
            "gender" => stored.Gender,
            "addressLine1" => stored.AddressLine1,
            "addressLine2" => stored.AddressLine2,
            "addressLine3" => stored.AddressLine3,
            "location1" => stored.City,
            "location2" => stored.Region,
            _ => [],
        };
        return InLanguage(source, language);
    }

    private static string? InLanguage(IReadOnlyList<LocalizedValue> values, string language)
    {
        foreach (var value in values)
        {
            if (string.Equals(value.Language, language, StringComparison.OrdinalIgnoreCase))
            {
                return value.Value;
            }
        }
        return null;
    }

    private static readonly string[] DateFormats = ["yyyy/MM/dd", "yyyy-MM-dd", "dd/MM/yyyy"];

    private static bool TryParseDate(string? text, out DateOnly date)
    {
        date = default;
        return !string.IsNullOrWhiteSpace(text) && DateOnly.TryParseExact(text.Trim(), DateFormats, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
    }

    private static int AgeOn(DateOnly born, DateOnly today)
    {
        var age = today.Year - born.Year;
        return born.AddYears(age) > today ? age - 1 : age;
    }
}
