using System.Globalization;

namespace Civitas.Notifications.Outbox;

/// <summary>Recipient hints for logs and the outbox table: enough to recognise a message, not to contact the person.</summary>
internal static class RecipientMask
{
    public static string Number(string number) =>
        number.Length <= 4 ? new string('*', number.Length) : new string('*', number.Length - 4) + number[^4..];

    public static string Addresses(IReadOnlyList<string> addresses)
    {
        if (addresses.Count == 0)
        {
            return "";
        }

        var first = addresses[0];
        var at = first.IndexOf('@', StringComparison.Ordinal);
        var masked = at <= 1 ? "***" + first[Math.Max(at, 0)..] : first[0] + "***" + first[at..];
        return addresses.Count == 1 ? masked : masked + " +" + (addresses.Count - 1).ToString(CultureInfo.InvariantCulture);
    }
}
