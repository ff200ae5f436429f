using Civitas.Notifications.Templates;
using Civitas.Notifications.Transports;
using Microsoft.Extensions.Options;

namespace Civitas.Notifications.Outbox;

/// <summary><see cref="INotificationSender"/>: checks recipients, fills OTP templates, hands over to the outbox.</summary>
internal sealed class NotificationSender(NotificationDelivery delivery, OtpTemplates templates, IOptions<NotificationsOptions> options) : INotificationSender
{
    public Task<NotificationResult> SendSmsAsync(string number, string message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(number);
        ArgumentException.ThrowIfNullOrWhiteSpace(message);
        if (!RecipientRules.IsValidNumber(number, options.Value.Sms))
        {
            throw new ArgumentException("The phone number must be digits only, of the configured length.", nameof(number));
        }

        return delivery.SubmitSmsAsync(new SmsPayload(number, message), cancellationToken);
    }

    public Task<NotificationResult> SendEmailAsync(EmailMessage message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.To.Count == 0 || message.To.Count + message.Cc.Count > RecipientRules.MaxRecipients
            || !message.To.Concat(message.Cc).All(RecipientRules.IsValidAddress))
        {
            throw new ArgumentException($"The e-mail needs 1 to {RecipientRules.MaxRecipients} valid recipient addresses.", nameof(message));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(message.Subject);
        return delivery.SubmitEmailAsync(message, cancellationToken);
    }

    public Task<NotificationResult> SendOtpSmsAsync(string number, string otp, string language, TimeSpan validity, CancellationToken cancellationToken = default) =>
        SendSmsAsync(number, templates.Sms(language, otp, validity), cancellationToken);

    public Task<NotificationResult> SendOtpEmailAsync(string address, string otp, string language, TimeSpan validity, CancellationToken cancellationToken = default)
    {
        var (subject, body) = templates.Email(language, otp, validity);
        return SendEmailAsync(new EmailMessage([address], [], subject, body, []), cancellationToken);
    }
}
