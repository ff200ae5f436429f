using Civitas.Common.Security;
using Civitas.Notifications.Persistence;
using Civitas.Testing;

namespace Civitas.Notifications.Tests;

/// <summary>Mail failures that need their own host: wrong credentials, TLS failure, and a server that comes back.</summary>
public sealed class EmailFailureTests
{
    [Fact]
    public async Task Refused_credentials_are_KER_NOE_005_and_recorded_as_failed()
    {
        await using var smtp = await SmtpServerProcess.StartAsync(auth: "civitas:right-password");
        await using var host = await CivitasTestHost.StartAsync(SmtpFixture.SmtpSettings(smtp.Port, "civitas", "wrong-password"));
        using var client = await host.CreateServiceClientAsync(CivitasScopes.Kernel);

        var (_, body) = await Notifier.SendEmailAsync(client, Notifier.EmailForm([("mailTo", "auth@example.org"), ("mailSubject", "s"), ("mailContent", "c")]));

        Assert.Equal("KER-NOE-005", Notifier.ErrorCode(body));
        Assert.Equal("Mail Authentication Exception Code", Notifier.ErrorMessage(body));
        var row = await Notifier.WaitForOutboxAsync(host, "a***@example.org", OutboxStatus.Failed);
        Assert.Equal("SMTP server refused the credentials", row.LastError);
        Assert.DoesNotContain("wrong-password", row.LastError, StringComparison.Ordinal);
        Assert.Empty(smtp.ReadAll());
    }

    [Fact]
    public async Task A_failed_tls_handshake_is_KER_NOE_006()
    {
        await using var smtp = await SmtpServerProcess.StartAsync();
        // The test server speaks plain SMTP, so a TLS-on-connect client cannot complete its handshake.
        await using var host = await CivitasTestHost.StartAsync(SmtpFixture.SmtpSettings(smtp.Port, "", "", security: "SslOnConnect"));
        using var client = await host.CreateServiceClientAsync(CivitasScopes.Kernel);

        var (_, body) = await Notifier.SendEmailAsync(client, Notifier.EmailForm([("mailTo", "tls@example.org"), ("mailSubject", "s"), ("mailContent", "c")]));

        Assert.Equal("KER-NOE-006", Notifier.ErrorCode(body));
        Assert.Equal("Mail Exception Code", Notifier.ErrorMessage(body));
        Assert.Empty(smtp.ReadAll());
    }

    [Fact]
    public async Task A_mail_accepted_while_the_server_is_down_is_delivered_after_a_restart_once_it_is_back()
    {
        var port = SmtpServerProcess.FreePort();
        var settings = SmtpFixture.SmtpSettings(port, "", "");
        // Slow retries: the message must survive the restart as a pending row, not be used up before it.
        settings["Civitas:Notifications:Retry:InitialDelay"] = "00:00:02";
        settings["Civitas:Notifications:Retry:MaxDelay"] = "00:00:05";
        settings["Civitas:Notifications:Retry:MaxAttempts"] = "10";
        await using var host = await CivitasTestHost.StartAsync(settings);
        using (var client = await host.CreateServiceClientAsync(CivitasScopes.Kernel))
        {
            var (_, body) = await Notifier.SendEmailAsync(client, Notifier.EmailForm([("mailTo", "later@example.org"), ("mailSubject", "Later"), ("mailContent", "c")]));
            Assert.Null(Notifier.ErrorCode(body));
        }

        var pending = Assert.Single(await Notifier.OutboxAsync(host));
        Assert.Equal(OutboxStatus.Pending, pending.Status);
        Assert.Equal(1, pending.Attempts);
        Assert.Contains("unreachable", pending.LastError, StringComparison.Ordinal);

        await host.RestartAsync();
        await using var smtp = await SmtpServerProcess.StartAsync(port);

        var mail = Assert.Single(await smtp.WaitForMessagesAsync("later@example.org"));
        Assert.Equal("Later", mail.Subject);
        var delivered = await Notifier.WaitForOutboxAsync(host, "l***@example.org", OutboxStatus.Delivered);
        // At least the failed first attempt and the successful one; more if retries fell into the restart.
        Assert.InRange(delivered.Attempts, 2, 10);
        Assert.Empty(delivered.Payload);
    }
}
