using Microsoft.Extensions.Options;
using MailKit.Security;

namespace Civitas.Notifications;

/// <summary>Checks <c>Civitas:Notifications</c> at start-up and says how to fix what is wrong.</summary>
internal sealed class NotificationsOptionsValidator : IValidateOptions<NotificationsOptions>
{
    public ValidateOptionsResult Validate(string? name, NotificationsOptions options)
    {
        var failures = new List<string>();
        var sms = options.Sms;
        if (sms.NumberMinLength < 1 || sms.NumberMaxLength < sms.NumberMinLength || sms.NumberMaxLength > 20)
        {
            failures.Add("Civitas:Notifications:Sms:NumberMinLength/NumberMaxLength must satisfy 1 <= min <= max <= 20 (defaults 7 and 15).");
        }

        if (sms.Transport == SmsTransportKind.HttpSmsGateway)
        {
            var probe = sms.Gateway.UrlTemplate.Replace("{number}", "1", StringComparison.Ordinal).Replace("{message}", "m", StringComparison.Ordinal);
            if (!Uri.TryCreate(probe, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            {
                failures.Add("Civitas:Notifications:Sms:Gateway:UrlTemplate must be an absolute http(s) URL, e.g. https://sms.example.org/send?to={number}, when Sms:Transport is HttpSmsGateway.");
            }

            if (sms.Gateway.Method is not ("POST" or "GET"))
            {
                failures.Add("Civitas:Notifications:Sms:Gateway:Method must be POST or GET.");
            }
        }

        var email = options.Email;
        if (email.Transport == EmailTransportKind.Smtp)
        {
            if (string.IsNullOrWhiteSpace(email.Smtp.Host) || email.Smtp.Port is < 1 or > 65535)
            {
                failures.Add("Civitas:Notifications:Email:Smtp:Host and Port must name the SMTP server when Email:Transport is Smtp.");
            }

            if (!Enum.TryParse<SecureSocketOptions>(email.Smtp.Security, ignoreCase: true, out _))
            {
                failures.Add("Civitas:Notifications:Email:Smtp:Security must be Auto, None, StartTls, StartTlsWhenAvailable or SslOnConnect.");
            }

            if (!MimeKit.MailboxAddress.TryParse(email.From, out _))
            {
                failures.Add("Civitas:Notifications:Email:From must be an e-mail address, e.g. civitas@example.org.");
            }
        }

        var retry = options.Retry;
        if (retry.MaxAttempts < 1 || retry.InitialDelay <= TimeSpan.Zero || retry.MaxDelay < retry.InitialDelay || retry.PollInterval <= TimeSpan.Zero)
        {
            failures.Add("Civitas:Notifications:Retry needs MaxAttempts >= 1 and positive InitialDelay <= MaxDelay and PollInterval.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
