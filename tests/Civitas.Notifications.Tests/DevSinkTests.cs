using Civitas.Common.Security;
using Civitas.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Civitas.Notifications.Tests;

/// <summary>
/// The embedded default: with no notification settings, messages land in the log and in
/// <c>&lt;data-dir&gt;/outbox/messages.log</c>, where someone trying Civitas reads their OTP.
/// </summary>
public sealed class DevSinkTests(DevSinkFixture fixture) : IClassFixture<DevSinkFixture>
{
    private readonly CivitasTestHost _host = fixture.Host;

    private string MessagesLog => Path.Combine(_host.DataDirectory, "outbox", "messages.log");

    [Fact]
    public async Task Sms_and_email_sent_over_http_are_written_to_the_messages_file()
    {
        using var client = await _host.CreateServiceClientAsync(CivitasScopes.Kernel);

        var sms = await Notifier.SendSmsAsync(client, new { number = "9123456780", message = "Your OTP is 731904\nnext line" });
        var (_, email) = await Notifier.SendEmailAsync(client, Notifier.EmailForm(
            [("mailTo", "dev@example.org"), ("mailSubject", "Welcome"), ("mailContent", "Hello there")],
            ("note.txt", "text/plain", "abc"u8.ToArray())));

        Assert.Null(Notifier.ErrorCode(sms));
        Assert.Null(Notifier.ErrorCode(email));
        var lines = await File.ReadAllLinesAsync(MessagesLog);
        Assert.Contains(lines, line => line.EndsWith("SMS to 9123456780: Your OTP is 731904\\nnext line", StringComparison.Ordinal));
        Assert.Contains(lines, line => line.Contains("EMAIL to dev@example.org: subject \"Welcome\" body \"Hello there\" attachments: note.txt (3 bytes)", StringComparison.Ordinal));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(MessagesLog));
        }
    }

    [Theory]
    [InlineData("eng", "Your Civitas one-time password is 550123. It is valid for 3 minutes.")]
    [InlineData("fra", "Votre mot de passe à usage unique Civitas est 550123. Il est valable 3 minutes.")]
    [InlineData("ara", "كلمة المرور لمرة واحدة الخاصة بك في سيفيتاس هي 550123.")]
    [InlineData("swa", "Nambari yako ya siri ni 550123 (dakika 3).")]
    [InlineData("xyz", "Your Civitas one-time password is 550123.")]
    public async Task Otp_sms_through_the_library_uses_the_languages_template(string language, string expected)
    {
        var sender = _host.Services.GetRequiredService<INotificationSender>();
        var number = "91234" + Math.Abs(language.GetHashCode(StringComparison.Ordinal) % 100000).ToString("D5", System.Globalization.CultureInfo.InvariantCulture);

        var result = await sender.SendOtpSmsAsync(number, "550123", language, TimeSpan.FromSeconds(150));

        Assert.Equal(NotificationStatus.Delivered, result.Status);
        var line = (await File.ReadAllLinesAsync(MessagesLog)).Single(l => l.Contains($"SMS to {number}:", StringComparison.Ordinal));
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Otp_email_through_the_library_has_subject_and_body_in_the_language()
    {
        var sender = _host.Services.GetRequiredService<INotificationSender>();

        var result = await sender.SendOtpEmailAsync("otp@example.org", "918273", "fra", TimeSpan.FromMinutes(5));

        Assert.Equal(NotificationStatus.Delivered, result.Status);
        var line = (await File.ReadAllLinesAsync(MessagesLog)).Single(l => l.Contains("EMAIL to otp@example.org", StringComparison.Ordinal));
        Assert.Contains("subject \"Votre mot de passe à usage unique\"", line, StringComparison.Ordinal);
        Assert.Contains("918273", line, StringComparison.Ordinal);
        Assert.Contains("valable 5 minutes", line, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_library_refuses_bad_recipients_before_anything_is_stored()
    {
        var sender = _host.Services.GetRequiredService<INotificationSender>();

        await Assert.ThrowsAsync<ArgumentException>(() => sender.SendSmsAsync("12ab", "x"));
        await Assert.ThrowsAsync<ArgumentException>(() => sender.SendEmailAsync(new EmailMessage(["nope"], [], "s", "b", [])));
        Assert.DoesNotContain(await Notifier.OutboxAsync(_host), m => m.RecipientHint is "****" or "***nope");
    }
}

/// <summary>One host with no notification settings (the dev sink) shared by <see cref="DevSinkTests"/>.</summary>
public sealed class DevSinkFixture : IAsyncLifetime
{
    public CivitasTestHost Host { get; private set; } = null!;

    public async Task InitializeAsync() => Host = await CivitasTestHost.StartAsync(new Dictionary<string, string?>
    {
        // A language the built-ins lack, added by configuration.
        ["Civitas:Notifications:OtpTemplates:swa:Sms"] = "Nambari yako ya siri ni {otp} (dakika {minutes}).",
    });

    public async Task DisposeAsync() => await Host.DisposeAsync();
}
