using Civitas.Common.Errors;
using Civitas.Notifications.Outbox;
using Microsoft.Extensions.Primitives;

namespace Civitas.Notifications.Api;

/// <summary>
/// Reads and checks the e-mail form: <c>mailTo</c> and <c>mailCc</c> (repeated fields or comma-separated),
/// <c>mailSubject</c>, <c>mailContent</c>, files in <c>attachments</c>. Returns the message or the seed's error.
/// </summary>
internal static class EmailFormReader
{
    private const int MaxSubjectLength = 998;

    public static async Task<(EmailMessage? Message, ServiceError? Error, int Status)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return (null, EmailErrors.DataNotValid, StatusCodes.Status415UnsupportedMediaType);
        }

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(cancellationToken);
        }
        catch (InvalidDataException)
        {
            return (null, EmailErrors.DataNotValid, StatusCodes.Status200OK);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, EmailErrors.DataNotValid, StatusCodes.Status413PayloadTooLarge);
        }

        var to = Addresses(form["mailTo"]);
        if (to.Count == 0 || !to.All(RecipientRules.IsValidAddress))
        {
            return Invalid(EmailErrors.ReceiverNotFound);
        }

        var cc = Addresses(form["mailCc"]);
        if (!cc.All(RecipientRules.IsValidAddress) || to.Count + cc.Count > RecipientRules.MaxRecipients)
        {
            return Invalid(EmailErrors.DataNotValid);
        }

        var subject = Single(form["mailSubject"]);
        if (string.IsNullOrWhiteSpace(subject))
        {
            return Invalid(EmailErrors.SubjectNotFound);
        }

        // A line break in the subject would be a header injection attempt; MIME encoding would hide it, refusing is clearer.
        if (subject.Length > MaxSubjectLength || subject.AsSpan().IndexOfAny('\r', '\n') >= 0)
        {
            return Invalid(EmailErrors.DataNotValid);
        }

        var content = Single(form["mailContent"]);
        if (string.IsNullOrWhiteSpace(content))
        {
            return Invalid(EmailErrors.ContentNotFound);
        }

        var attachments = new List<EmailAttachment>(form.Files.Count);
        foreach (var file in form.Files)
        {
            if (file.Name != "attachments")
            {
                return Invalid(EmailErrors.DataNotValid);
            }

            using var buffer = new MemoryStream((int)file.Length);
            await file.CopyToAsync(buffer, cancellationToken);
            var name = Path.GetFileName(file.FileName);
            attachments.Add(new EmailAttachment(
                string.IsNullOrWhiteSpace(name) ? "attachment" : name,
                string.IsNullOrWhiteSpace(file.ContentType) ? "application/octet-stream" : file.ContentType,
                buffer.ToArray()));
        }

        return (new EmailMessage(to, cc, subject, content, attachments), null, StatusCodes.Status200OK);
    }

    private static (EmailMessage?, ServiceError?, int) Invalid(ServiceError error) => (null, error, StatusCodes.Status200OK);

    private static List<string> Addresses(StringValues values) =>
        [.. values.SelectMany(v => (v ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];

    private static string? Single(StringValues values) => values.Count == 1 ? values[0] : null;
}
