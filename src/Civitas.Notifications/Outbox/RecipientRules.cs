using MimeKit;

namespace Civitas.Notifications.Outbox;

/// <summary>What counts as a phone number and an e-mail address, for the routes and the library alike.</summary>
internal static class RecipientRules
{
    public const int MaxRecipients = 50;

    /// <summary>Digits only (no alphabet, no special characters, as MOSIP asks), of the configured length.</summary>
    public static bool IsValidNumber(string number, SmsOptions sms)
    {
        if (number.Length < sms.NumberMinLength || number.Length > sms.NumberMaxLength)
        {
            return false;
        }

        foreach (var c in number)
        {
            if (c is < '0' or > '9')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>A bare address (<c>local@domain</c>): no display name, no line breaks, no list.</summary>
    public static bool IsValidAddress(string address) =>
        address.Length <= 254
        && address.IndexOfAny(['\r', '\n', ',', ';', '<', '>', ' ']) < 0
        && MailboxAddress.TryParse(ParserOptions.Default, address, out var mailbox)
        && string.Equals(mailbox.Address, address, StringComparison.Ordinal)
        && mailbox.Address.IndexOf('@', StringComparison.Ordinal) is > 0 and var at && at < address.Length - 1;
}
