using System.Net.Sockets;
using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Civitas.Notifications.Transports;

/// <summary>
/// Sends e-mail with MailKit. Failures are sorted for the outbox: a refused login or a TLS failure is a
/// configuration problem and a 5xx answer a refusal (both final, recorded); a connection problem or 4xx is retried.
/// </summary>
internal sealed class SmtpEmailTransport(IOptions<NotificationsOptions> options) : IEmailTransport
{
    public async Task<DeliveryOutcome> SendAsync(EmailMessage email, CancellationToken cancellationToken)
    {
        var settings = options.Value.Email;
        using var message = MimeMessageBuilder.Build(settings.From, email);
        using var client = new SmtpClient { Timeout = (int)settings.Smtp.Timeout.TotalMilliseconds };
        try
        {
            var security = Enum.Parse<SecureSocketOptions>(settings.Smtp.Security, ignoreCase: true);
            await client.ConnectAsync(settings.Smtp.Host, settings.Smtp.Port, security, cancellationToken);
            if (!string.IsNullOrEmpty(settings.Smtp.UserName))
            {
                await client.AuthenticateAsync(settings.Smtp.UserName, settings.Smtp.Password ?? "", cancellationToken);
            }

            await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return DeliveryOutcome.Delivered;
        }
        catch (AuthenticationException)
        {
            return DeliveryOutcome.Permanent(NotificationFailure.AuthenticationFailed, "SMTP server refused the credentials");
        }
        catch (SslHandshakeException)
        {
            return DeliveryOutcome.Permanent(NotificationFailure.TransportError, "TLS handshake with the SMTP server failed");
        }
        catch (SmtpCommandException ex) when ((int)ex.StatusCode >= 500)
        {
            return DeliveryOutcome.Permanent(NotificationFailure.Rejected, $"SMTP server refused the message ({(int)ex.StatusCode}, {ex.ErrorCode})");
        }
        catch (SmtpCommandException ex)
        {
            return DeliveryOutcome.Transient($"SMTP server deferred the message ({(int)ex.StatusCode})");
        }
        catch (Exception ex) when (ex is SmtpProtocolException or IOException or SocketException or ServiceNotConnectedException or TimeoutException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            return DeliveryOutcome.Transient($"SMTP server unreachable or connection lost ({ex.GetType().Name})");
        }
    }
}
