namespace Civitas.Notifications;

/// <summary>
/// Sends SMS and e-mail from inside the process. Each message is first stored in the outbox, then tried at once;
/// if that attempt fails for a passing reason, the outbox retries it with backoff (also after a restart).
/// </summary>
public interface INotificationSender
{
    Task<NotificationResult> SendSmsAsync(string number, string message, CancellationToken cancellationToken = default);

    Task<NotificationResult> SendEmailAsync(EmailMessage message, CancellationToken cancellationToken = default);

    /// <summary>Sends an OTP by SMS with the template of <paramref name="language"/> (ISO 639-3, e.g. <c>eng</c>; unknown falls back to <c>eng</c>).</summary>
    Task<NotificationResult> SendOtpSmsAsync(string number, string otp, string language, TimeSpan validity, CancellationToken cancellationToken = default);

    /// <summary>Sends an OTP by e-mail with the subject and body templates of <paramref name="language"/>.</summary>
    Task<NotificationResult> SendOtpEmailAsync(string address, string otp, string language, TimeSpan validity, CancellationToken cancellationToken = default);
}

/// <summary>An e-mail: recipients, subject, plain-text body and attachments.</summary>
public sealed record EmailMessage(
    IReadOnlyList<string> To,
    IReadOnlyList<string> Cc,
    string Subject,
    string Body,
    IReadOnlyList<EmailAttachment> Attachments);

public sealed record EmailAttachment(string FileName, string ContentType, byte[] Content);

public enum NotificationStatus
{
    /// <summary>The gateway or mail server accepted the message.</summary>
    Delivered,

    /// <summary>The first attempt failed for a passing reason; the outbox will retry.</summary>
    Queued,

    /// <summary>Refused for good (rejected recipient, failed authentication, TLS failure); recorded in the outbox.</summary>
    Failed,
}

/// <summary>Why a message failed for good.</summary>
public enum NotificationFailure
{
    None,
    Rejected,
    AuthenticationFailed,
    TransportError,
}

public sealed record NotificationResult(Guid MessageId, NotificationStatus Status, NotificationFailure Failure);
