using MimeKit;

namespace Civitas.Notifications.Transports;

/// <summary>Builds the MIME message: plain-text body, attachments as base64 parts.</summary>
internal static class MimeMessageBuilder
{
    public static MimeMessage Build(string from, EmailMessage email)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.AddRange(email.To.Select(MailboxAddress.Parse));
        message.Cc.AddRange(email.Cc.Select(MailboxAddress.Parse));
        message.Subject = email.Subject;
        var body = new BodyBuilder { TextBody = email.Body };
        foreach (var attachment in email.Attachments)
        {
            // A content type the caller got wrong is not worth losing the message over.
            var type = ContentType.TryParse(attachment.ContentType, out var parsed) ? parsed : new ContentType("application", "octet-stream");
            body.Attachments.Add(attachment.FileName, attachment.Content, type);
        }

        message.Body = body.ToMessageBody();
        return message;
    }
}
