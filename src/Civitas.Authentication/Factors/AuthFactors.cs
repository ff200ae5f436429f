using System.Text.Json;
using Civitas.Authentication.Errors;
using Civitas.Authentication.Requests;
using Civitas.Keys.Encryption;
using Civitas.Registry.Records;

namespace Civitas.Authentication.Factors;

/// <summary>
/// The factors of a decrypted <c>request</c>; their presence selects the auth types (REFERENCE §7). Values live
/// only in memory for this request and are never logged or stored.
/// </summary>
internal sealed class AuthFactors
{
    public string? Otp { get; init; }

    public string? StaticPin { get; init; }

    public DemographicInput? Demographics { get; init; }

    public IReadOnlyList<BiometricInput> Biometrics { get; init; } = [];

    /// <summary>The auth types present, as policy and lock names: <c>demo</c>, <c>bio-Finger</c>, <c>pin</c>, <c>otp</c>.</summary>
    public IReadOnlyList<string> AuthTypes()
    {
        var types = new List<string>(4);
        if (Demographics is not null)
        {
            types.Add(AuthTypeNames.Demo);
        }
        foreach (var modality in Biometrics.Select(b => b.Modality).Distinct(StringComparer.Ordinal))
        {
            types.Add(AuthTypeNames.Bio(modality));
        }
        if (StaticPin is not null)
        {
            types.Add(AuthTypeNames.Pin);
        }
        if (Otp is not null)
        {
            types.Add(AuthTypeNames.Otp);
        }
        return types;
    }

    public static AuthFactors? Parse(ReadOnlySpan<byte> json, out IdaError? error)
    {
        error = null;
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 32 });
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException)
        {
            error = IdaErrors.InvalidInput.With("request");
            return null;
        }
        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                error = IdaErrors.InvalidInput.With("request");
                return null;
            }
            var otp = JsonFields.OptionalScalar(root, "otp", "request.otp", ref error);
            var pin = JsonFields.OptionalScalar(root, "staticPin", "request.staticPin", ref error);
            var demographics = JsonFields.OptionalObject(root, "demographics", "request.demographics", ref error);
            DemographicInput? demo = null;
            if (demographics is { } demoElement && error is null)
            {
                demo = DemographicInput.Parse(demoElement, ref error);
            }
            var biometrics = error is null ? ParseBiometrics(root, ref error) : [];
            if (error is not null)
            {
                return null;
            }
            if ((otp is not null && otp.Length is 0 or > 16) || (pin is not null && pin.Length is 0 or > 64))
            {
                error = IdaErrors.InvalidInput.With(otp is not null && otp.Length is 0 or > 16 ? "request.otp" : "request.staticPin");
                return null;
            }
            return new AuthFactors { Otp = otp, StaticPin = pin, Demographics = demo, Biometrics = biometrics };
        }
    }

    private static List<BiometricInput> ParseBiometrics(JsonElement root, ref IdaError? error)
    {
        var list = new List<BiometricInput>();
        if (!root.TryGetProperty("biometrics", out var array) || array.ValueKind == JsonValueKind.Null)
        {
            return list;
        }
        if (array.ValueKind != JsonValueKind.Array)
        {
            error = IdaErrors.InvalidInput.With("request.biometrics");
            return list;
        }
        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            var path = $"request.biometrics[{index}].data";
            var data = item.ValueKind == JsonValueKind.Object ? JsonFields.OptionalObject(item, "data", path, ref error) : null;
            if (error is not null)
            {
                return list;
            }
            if (data is not { } element)
            {
                error = IdaErrors.MissingInput.With(path);
                return list;
            }
            var bioType = JsonFields.RequiredString(element, "bioType", path + ".bioType", ref error);
            var subType = JsonFields.OptionalString(element, "bioSubType", path + ".bioSubType", ref error);
            var value = JsonFields.RequiredString(element, "bioValue", path + ".bioValue", ref error);
            if (error is not null)
            {
                return list;
            }
            var modality = BiometricInput.ModalityOf(bioType!);
            if (modality is null)
            {
                error = IdaErrors.InvalidInput.With(path + ".bioType");
                return list;
            }
            list.Add(new BiometricInput(modality, string.IsNullOrWhiteSpace(subType) ? "UNKNOWN" : subType.Trim(), Base64Input.TryDecode(value, out var bytes) ? bytes : null));
            index++;
        }
        return list;
    }
}

/// <summary>One captured biometric sample; <see cref="Template"/> is null when <c>bioValue</c> was not base64.</summary>
internal sealed record BiometricInput(string Modality, string SubType, byte[]? Template)
{
    public static string? ModalityOf(string bioType) => bioType.Trim().ToUpperInvariant() switch
    {
        "FINGER" or "FMR" or "FIR" => "Finger",
        "IRIS" or "IIR" => "Iris",
        "FACE" or "FID" => "Face",
        _ => null,
    };
}

/// <summary>Demographic values as requested: multilingual ones as <c>[{language, value}]</c>, single ones as text.</summary>
internal sealed class DemographicInput
{
    /// <summary>The multilingual attributes MOSIP sends, in the order they are checked.</summary>
    public static readonly string[] LocalizedNames = ["name", "gender", "addressLine1", "addressLine2", "addressLine3", "location1", "location2", "location3", "fullAddress"];

    /// <summary>The single-valued attributes.</summary>
    public static readonly string[] ScalarNames = ["dob", "age", "phoneNumber", "emailId", "postalCode"];

    public Dictionary<string, IReadOnlyList<LocalizedValue>> Localized { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, string> Scalars { get; } = new(StringComparer.Ordinal);

    public bool IsEmpty => Localized.Count == 0 && Scalars.Count == 0;

    public static DemographicInput? Parse(JsonElement element, ref IdaError? error, string prefix = "request.demographics")
    {
        var input = new DemographicInput();
        foreach (var name in LocalizedNames)
        {
            if (!element.TryGetProperty(name, out var values) || values.ValueKind == JsonValueKind.Null)
            {
                continue;
            }
            var path = prefix + "." + name;
            if (values.ValueKind != JsonValueKind.Array || values.GetArrayLength() == 0)
            {
                error = IdaErrors.InvalidInput.With(path);
                return null;
            }
            var list = new List<LocalizedValue>(values.GetArrayLength());
            foreach (var value in values.EnumerateArray())
            {
                string? language = null, text = null;
                if (value.ValueKind == JsonValueKind.Object)
                {
                    language = JsonFields.RequiredString(value, "language", path + ".language", ref error);
                    text = JsonFields.RequiredString(value, "value", path + ".value", ref error);
                }
                else
                {
                    error ??= IdaErrors.InvalidInput.With(path);
                }
                if (error is not null)
                {
                    return null;
                }
                list.Add(new LocalizedValue(language!.Trim(), text!));
            }
            input.Localized[name] = list;
        }
        foreach (var name in ScalarNames)
        {
            var value = JsonFields.OptionalScalar(element, name, prefix + "." + name, ref error);
            if (error is not null)
            {
                return null;
            }
            if (value is not null)
            {
                input.Scalars[name] = value;
            }
        }
        if (input.IsEmpty)
        {
            error = IdaErrors.MissingInput.With(prefix);
            return null;
        }
        return input;
    }
}

/// <summary>Auth type names shared by policies and the registry's locks.</summary>
internal static class AuthTypeNames
{
    public const string Demo = "demo";
    public const string Otp = "otp";
    public const string Pin = "pin";
    public const string BioPrefix = "bio";
    public const string OtpRequest = "otp-request";

    /// <summary>The policy entry that lets an eKYC partner use the kyc route at all.</summary>
    public const string Kyc = "kyc";

    public static string Bio(string modality) => BioPrefix + "-" + modality;

    /// <summary>A policy that lists <c>bio</c> allows every modality; <c>bio-Finger</c> allows one.</summary>
    public static bool IsAllowed(IReadOnlySet<string> allowed, string authType) =>
        allowed.Contains(authType) || (authType.StartsWith(BioPrefix + "-", StringComparison.Ordinal) && allowed.Contains(BioPrefix));

    /// <summary>A lock on <c>bio</c> locks every modality.</summary>
    public static bool IsLocked(IReadOnlySet<string> locked, string authType) => IsAllowed(locked, authType);
}
