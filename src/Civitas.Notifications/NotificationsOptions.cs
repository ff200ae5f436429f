namespace Civitas.Notifications;

/// <summary>Settings of the notification module, section <c>Civitas:Notifications</c>.</summary>
internal sealed class NotificationsOptions
{
    public const string SectionName = "Civitas:Notifications";

    public SmsOptions Sms { get; set; } = new();

    public EmailOptions Email { get; set; } = new();

    public RetryOptions Retry { get; set; } = new();

    /// <summary>OTP templates by language (ISO 639-3), overriding or adding to the built-in ones.</summary>
    public Dictionary<string, OtpTemplateOptions> OtpTemplates { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

internal enum SmsTransportKind
{
    DevSink,
    HttpSmsGateway,
}

internal enum EmailTransportKind
{
    DevSink,
    Smtp,
}

internal sealed class SmsOptions
{
    /// <summary><c>DevSink</c> (default: the log and <c>outbox/messages.log</c>) or <c>HttpSmsGateway</c>.</summary>
    public SmsTransportKind Transport { get; set; } = SmsTransportKind.DevSink;

    /// <summary>Accepted numbers are digits only, of this many digits at least and at most.</summary>
    public int NumberMinLength { get; set; } = 7;

    public int NumberMaxLength { get; set; } = 15;

    public SmsGatewayOptions Gateway { get; set; } = new();
}

internal sealed class SmsGatewayOptions
{
    /// <summary>Gateway address with <c>{number}</c> and <c>{message}</c> placeholders (URL-encoded when filled in).</summary>
    public string UrlTemplate { get; set; } = "";

    /// <summary><c>POST</c> (default) or <c>GET</c>.</summary>
    public string Method { get; set; } = "POST";

    /// <summary>Optional body with the same placeholders; values are JSON-escaped when <see cref="ContentType"/> is JSON, else form-encoded.</summary>
    public string? BodyTemplate { get; set; }

    public string ContentType { get; set; } = "application/json";

    /// <summary>Extra request headers, e.g. an API key (never logged).</summary>
    public Dictionary<string, string> Headers { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(10);
}

internal sealed class EmailOptions
{
    /// <summary><c>DevSink</c> (default) or <c>Smtp</c>.</summary>
    public EmailTransportKind Transport { get; set; } = EmailTransportKind.DevSink;

    public string From { get; set; } = "civitas@localhost";

    public SmtpOptions Smtp { get; set; } = new();
}

internal sealed class SmtpOptions
{
    public string Host { get; set; } = "";

    public int Port { get; set; } = 587;

    /// <summary><c>Auto</c>, <c>None</c>, <c>StartTls</c>, <c>StartTlsWhenAvailable</c> or <c>SslOnConnect</c> (MailKit's names).</summary>
    public string Security { get; set; } = "StartTlsWhenAvailable";

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}

internal sealed class RetryOptions
{
    /// <summary>Attempts in all (the first one included) before a message is marked failed.</summary>
    public int MaxAttempts { get; set; } = 8;

    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>How often the outbox looks for messages due for another attempt.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(5);
}

internal sealed class OtpTemplateOptions
{
    public string? Sms { get; set; }

    public string? EmailSubject { get; set; }

    public string? EmailBody { get; set; }
}
