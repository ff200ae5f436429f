using System.Globalization;
using System.Text;
using Civitas.Common;
using Civitas.Common.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Civitas.Notifications.Transports;

/// <summary>
/// The development sink, the embedded default: each message goes to the log and is appended to
/// <c>&lt;data-dir&gt;/outbox/messages.log</c>, so someone trying Civitas can read their OTP. This is the one place
/// where message bodies (and so OTPs) are shown, deliberately, and only when it is the configured transport.
/// </summary>
internal sealed partial class DevSinkTransport(IOptions<CivitasOptions> civitas, TimeProvider clock, ILogger<DevSinkTransport> logger)
    : ISmsTransport, IEmailTransport
{
    private readonly SemaphoreSlim _fileLock = new(1, 1);

    public string FilePath { get; } = Path.Combine(civitas.Value.DataDirectoryFullPath, "outbox", "messages.log");

    public async Task<DeliveryOutcome> SendAsync(SmsPayload sms, CancellationToken cancellationToken)
    {
        LogSms(logger, sms.Number, sms.Message);
        await AppendAsync($"SMS to {sms.Number}: {OneLine(sms.Message)}", cancellationToken);
        return DeliveryOutcome.Delivered;
    }

    public async Task<DeliveryOutcome> SendAsync(EmailMessage email, CancellationToken cancellationToken)
    {
        var to = string.Join(", ", email.To);
        var attachments = email.Attachments.Count == 0
            ? "none"
            : string.Join(", ", email.Attachments.Select(a => $"{a.FileName} ({a.Content.Length} bytes)"));
        LogEmail(logger, to, email.Subject, email.Body, attachments);
        var cc = email.Cc.Count == 0 ? "" : $" cc {string.Join(", ", email.Cc)}";
        await AppendAsync($"EMAIL to {to}{cc}: subject \"{OneLine(email.Subject)}\" body \"{OneLine(email.Body)}\" attachments: {attachments}", cancellationToken);
        return DeliveryOutcome.Delivered;
    }

    private async Task AppendAsync(string line, CancellationToken cancellationToken)
    {
        var text = MosipTimeText() + " " + line + "\n";
        await _fileLock.WaitAsync(cancellationToken);
        try
        {
            OwnerOnlyDirectory.Create(Path.GetDirectoryName(FilePath)!);
            var options = new FileStreamOptions { Mode = FileMode.Append, Access = FileAccess.Write, Share = FileShare.Read };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            await using var stream = new FileStream(FilePath, options);
            await stream.WriteAsync(Encoding.UTF8.GetBytes(text), cancellationToken);
        }
        finally
        {
            _fileLock.Release();
        }
    }

    private string MosipTimeText() => clock.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    // One message per line: line breaks inside a message are shown as \n so nobody can forge a log entry.
    private static string OneLine(string text) => text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dev sink SMS to {Number}: {Message}")]
    private static partial void LogSms(ILogger logger, string number, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Dev sink e-mail to {To}: subject {Subject}; body {Body}; attachments {Attachments}")]
    private static partial void LogEmail(ILogger logger, string to, string subject, string body, string attachments);
}
