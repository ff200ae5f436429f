using System.Text.Json;
using Civitas.Authentication.Errors;

namespace Civitas.Authentication.Requests;

/// <summary>Reads typed fields from a JSON object, naming the field in IDA-MLC-006 (missing) or IDA-MLC-009 (wrong type or value).</summary>
internal static class JsonFields
{
    /// <summary>
    /// The string of a JSON string element, or false when it is not a string or not valid text: System.Text.Json
    /// throws for a lone surrogate (<c>"\ud800"</c>) or invalid UTF-8, which must be bad input (IDA-MLC-009), not a 500.
    /// </summary>
    public static bool TryGetString(JsonElement element, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out string? value)
    {
        value = null;
        if (element.ValueKind != JsonValueKind.String)
        {
            return false;
        }
        try
        {
            value = element.GetString();
        }
        catch (InvalidOperationException)
        {
            return false;
        }
        return value is not null;
    }

    public static string? RequiredString(JsonElement parent, string name, string path, ref IdaError? error)
    {
        var value = OptionalString(parent, name, path, ref error);
        if (error is null && string.IsNullOrWhiteSpace(value))
        {
            error = IdaErrors.MissingInput.With(path);
        }
        return value;
    }

    public static string? OptionalString(JsonElement parent, string name, string path, ref IdaError? error)
    {
        if (error is not null || !parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (!TryGetString(element, out var value))
        {
            error = IdaErrors.InvalidInput.With(path);
            return null;
        }
        return value;
    }

    /// <summary>A string or a number (MOSIP clients send both for some fields, e.g. <c>age</c>).</summary>
    public static string? OptionalScalar(JsonElement parent, string name, string path, ref IdaError? error)
    {
        if (error is not null || !parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        return element.ValueKind switch
        {
            JsonValueKind.String when TryGetString(element, out var text) => text,
            JsonValueKind.Number => element.GetRawText(),
            _ => Invalid(path, ref error),
        };
    }

    public static bool? OptionalBoolean(JsonElement parent, string name, string path, ref IdaError? error)
    {
        if (error is not null || !parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (element.ValueKind is JsonValueKind.True or JsonValueKind.False)
        {
            return element.GetBoolean();
        }
        error = IdaErrors.InvalidInput.With(path);
        return null;
    }

    public static IReadOnlyList<string>? OptionalStringArray(JsonElement parent, string name, string path, ref IdaError? error)
    {
        if (error is not null || !parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (element.ValueKind != JsonValueKind.Array)
        {
            error = IdaErrors.InvalidInput.With(path);
            return null;
        }
        var values = new List<string>(element.GetArrayLength());
        foreach (var item in element.EnumerateArray())
        {
            if (!TryGetString(item, out var value) || string.IsNullOrWhiteSpace(value))
            {
                error = IdaErrors.InvalidInput.With(path);
                return null;
            }
            values.Add(value);
        }
        return values;
    }

    /// <summary>An object member, or null when absent; a non-object is invalid.</summary>
    public static JsonElement? OptionalObject(JsonElement parent, string name, string path, ref IdaError? error)
    {
        if (error is not null || !parent.TryGetProperty(name, out var element) || element.ValueKind == JsonValueKind.Null)
        {
            return null;
        }
        if (element.ValueKind != JsonValueKind.Object)
        {
            error = IdaErrors.InvalidInput.With(path);
            return null;
        }
        return element;
    }

    private static string? Invalid(string path, ref IdaError? error)
    {
        error = IdaErrors.InvalidInput.With(path);
        return null;
    }
}
