using System.Globalization;

namespace Civitas.Common.Envelope;

/// <summary>The one time format of MOSIP envelopes: UTC <c>yyyy-MM-ddTHH:mm:ss.fffZ</c>.</summary>
public static class MosipTime
{
    public const string Pattern = "yyyy-MM-dd'T'HH:mm:ss.fff'Z'";

    public static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString(Pattern, CultureInfo.InvariantCulture);

    /// <summary>Parses an ISO 8601 time with a zone (MOSIP clients send <c>Z</c>); false when absent or unreadable.</summary>
    public static bool TryParse(string? text, out DateTimeOffset time)
    {
        time = default;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        return DateTimeOffset.TryParse(
            text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out time);
    }
}
