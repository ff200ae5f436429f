using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Civitas.Notifications.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Civitas.Notifications.Tests;

/// <summary>The e-mail route against a real SMTP server (aiosmtpd): what arrives, and every seed error.</summary>
public sealed class EmailRouteTests(SmtpFixture fixture) : IClassFixture<SmtpFixture>
{
    [Theory]
    [InlineData(Notifier.EmailPath, "ada")]
    [InlineData(Notifier.EmailSeedPath, "grace")]
    public async Task A_multipart_mail_with_attachments_arrives_as_sent(string path, string who)
    {
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4 fake but binary \u0001\u0002");
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0, 255, 7 };
        using var form = Notifier.EmailForm(
            [("mailTo", $"{who}@example.org"), ("mailTo", $"{who}.two@example.org"), ("mailCc", $"{who}.cc@example.org"),
             ("mailSubject", "Your card — ready"), ("mailContent", "Dear user,\nyour card is ready.")],
            ("card.pdf", "application/pdf", pdf), ("photo.png", "image/png", png));

        var (status, body) = await Notifier.SendEmailAsync(fixture.Kernel, form, path);

        Assert.Equal(200, status);
        Assert.Null(Notifier.ErrorCode(body));
        Assert.Equal("success", body.GetProperty("response").GetProperty("status").GetString());
        var mail = Assert.Single(await fixture.Smtp.WaitForMessagesAsync($"{who}@example.org"));
        Assert.Equal(["noreply@civitas.test"], mail.From.Mailboxes.Select(m => m.Address));
        Assert.Equal([$"{who}@example.org", $"{who}.two@example.org"], mail.To.Mailboxes.Select(m => m.Address));
        Assert.Equal([$"{who}.cc@example.org"], mail.Cc.Mailboxes.Select(m => m.Address));
        Assert.Equal("Your card — ready", mail.Subject);
        Assert.Equal("Dear user,\nyour card is ready.", mail.TextBody!.ReplaceLineEndings("\n").TrimEnd('\n'));
        var attachments = mail.Attachments.OfType<MimePart>().ToDictionary(a => a.FileName ?? "");
        Assert.Equal(pdf, Decode(attachments["card.pdf"]));
        Assert.Equal("application/pdf", attachments["card.pdf"].ContentType.MimeType);
        Assert.Equal(png, Decode(attachments["photo.png"]));
    }

    [Fact]
    public async Task Comma_separated_recipients_are_accepted_like_repeated_fields()
    {
        using var form = Notifier.EmailForm([("mailTo", "one@example.org, two@example.org"), ("mailSubject", "s"), ("mailContent", "c")]);

        var (_, body) = await Notifier.SendEmailAsync(fixture.Kernel, form);

        Assert.Null(Notifier.ErrorCode(body));
        var mail = Assert.Single(await fixture.Smtp.WaitForMessagesAsync("two@example.org"));
        Assert.Equal(2, mail.To.Count);
    }

    public static TheoryData<string, string, string[]> InvalidForms => new()
    {
        { "KER-NOE-001", "To must be valid. It can't be empty or null.", ["mailSubject=s", "mailContent=c"] },
        { "KER-NOE-001", "To must be valid. It can't be empty or null.", ["mailTo=", "mailSubject=s", "mailContent=c"] },
        { "KER-NOE-001", "To must be valid. It can't be empty or null.", ["mailTo=not-an-address", "mailSubject=s", "mailContent=c"] },
        { "KER-NOE-001", "To must be valid. It can't be empty or null.", ["mailTo=Ada <ada@example.org>", "mailSubject=s", "mailContent=c"] },
        { "KER-NOE-002", "Subject must be valid. It can't be empty or null.", ["mailTo=a@example.org", "mailContent=c"] },
        { "KER-NOE-002", "Subject must be valid. It can't be empty or null.", ["mailTo=a@example.org", "mailSubject= ", "mailContent=c"] },
        { "KER-NOE-003", "Content must be valid. It can't be empty or null.", ["mailTo=a@example.org", "mailSubject=s"] },
        { "KER-NOE-003", "Content must be valid. It can't be empty or null.", ["mailTo=a@example.org", "mailSubject=s", "mailContent="] },
        { "KER-NOE-999", "Data not valid", ["mailTo=a@example.org", "mailCc=bad", "mailSubject=s", "mailContent=c"] },
        { "KER-NOE-999", "Data not valid", ["mailTo=a@example.org", "mailSubject=s\r\nBcc: victim@example.org", "mailContent=c"] },
    };

    [Theory]
    [MemberData(nameof(InvalidForms))]
    public async Task Invalid_forms_get_the_seeds_error_and_send_nothing(string code, string message, string[] fields)
    {
        var before = fixture.Smtp.ReadAll().Count;
        using var form = Notifier.EmailForm(fields.Select(f => (f[..f.IndexOf('=', StringComparison.Ordinal)], f[(f.IndexOf('=', StringComparison.Ordinal) + 1)..])));

        var (status, body) = await Notifier.SendEmailAsync(fixture.Kernel, form);

        Assert.Equal(200, status);
        Assert.Equal(code, Notifier.ErrorCode(body));
        Assert.Equal(message, Notifier.ErrorMessage(body));
        Assert.Equal(JsonValueKind.Null, body.GetProperty("response").ValueKind);
        Assert.Equal(before, fixture.Smtp.ReadAll().Count);
    }

    [Fact]
    public async Task A_json_body_is_KER_NOE_999_with_415()
    {
        using var response = await fixture.Kernel.PostAsJsonAsync(Notifier.EmailPath, new { mailTo = "a@example.org" });

        Assert.Equal(415, (int)response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("KER-NOE-999", Notifier.ErrorCode(body));
        Assert.Equal("Data not valid", Notifier.ErrorMessage(body));
    }

    [Fact]
    public async Task A_recipient_the_server_refuses_is_KER_NOE_004_and_recorded_as_failed()
    {
        using var form = Notifier.EmailForm([("mailTo", "reject-me@example.org"), ("mailSubject", "s"), ("mailContent", "c")]);

        var (_, body) = await Notifier.SendEmailAsync(fixture.Kernel, form);

        Assert.Equal("KER-NOE-004", Notifier.ErrorCode(body));
        Assert.Equal("Mail Send Exception Code", Notifier.ErrorMessage(body));
        var row = await Notifier.WaitForOutboxAsync(fixture.Host, "r***@example.org", OutboxStatus.Failed);
        Assert.Equal(1, row.Attempts);
        Assert.Contains("550", row.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_recipient_the_server_defers_is_accepted_and_retried_then_recorded_as_failed()
    {
        using var form = Notifier.EmailForm([("mailTo", "defer-me@example.org"), ("mailSubject", "s"), ("mailContent", "c")]);

        var (_, body) = await Notifier.SendEmailAsync(fixture.Kernel, form);

        Assert.Null(Notifier.ErrorCode(body));
        var row = await Notifier.WaitForOutboxAsync(fixture.Host, "d***@example.org", OutboxStatus.Failed);
        Assert.Equal(3, row.Attempts);
        Assert.Contains("451", row.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_storage_failure_is_KER_NOE_500_with_the_seeds_message()
    {
        var contexts = fixture.Host.Services.GetRequiredService<IDbContextFactory<NotificationsDbContext>>();
        await using (var context = await contexts.CreateDbContextAsync())
        {
            await context.Database.ExecuteSqlRawAsync("ALTER TABLE notify_outbox RENAME TO notify_outbox_away");
        }

        using var form = Notifier.EmailForm([("mailTo", "storage@example.org"), ("mailSubject", "s"), ("mailContent", "c")]);
        var (status, body) = await Notifier.SendEmailAsync(fixture.Kernel, form);

        await using (var context = await contexts.CreateDbContextAsync())
        {
            await context.Database.ExecuteSqlRawAsync("ALTER TABLE notify_outbox_away RENAME TO notify_outbox");
        }

        Assert.Equal(500, status);
        Assert.Equal("KER-NOE-500", Notifier.ErrorCode(body));
        Assert.Equal("Internal Server Error", Notifier.ErrorMessage(body));
        Assert.DoesNotContain(fixture.Smtp.ReadAll(), m => m.To.Mailboxes.Any(b => b.Address == "storage@example.org"));
    }

    private static byte[] Decode(MimePart part)
    {
        using var stream = new MemoryStream();
        part.Content!.DecodeTo(stream);
        return stream.ToArray();
    }
}
