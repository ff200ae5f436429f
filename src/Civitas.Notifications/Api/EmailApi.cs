using Civitas.Common.Envelope;
using Civitas.Common.Errors;
using Civitas.Common.Security;
using Civitas.Notifications.Outbox;
using Microsoft.Extensions.Logging;

namespace Civitas.Notifications.Api;

/// <summary>
/// The e-mail notifier route (multipart form data, as MOSIP clients send it), on the seed's path and the current one.
/// Answers with the MOSIP envelope like the JSON routes.
/// </summary>
internal static partial class EmailApi
{
    public const string SeedPath = "/v1/emailnotifier/email/send";
    public const string CurrentPath = "/v1/notifier/email/send";
    private const string ResponseId = "mosip.kernel.notification.email";

    public static void MapEmailApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithMetadata(new ServiceErrorCodes(EmailErrors.Prefix))
            .RequireCivitasScope(CivitasScopes.Kernel).WithTags("E-mail notifier");
        group.MapPost(CurrentPath, SendAsync).WithName("SendEmail")
            .WithSummary("Send an e-mail (multipart: mailTo[], mailCc[], mailSubject, mailContent, attachments[]) over SMTP (outbox with retries).");
        group.MapPost(SeedPath, SendAsync).WithName("SendEmailSeedPath").WithSummary("The same, on the path of older MOSIP clients.");
    }

    private static async Task<IResult> SendAsync(HttpContext context, NotificationDelivery delivery, ILoggerFactory loggers, CancellationToken cancellationToken)
    {
        try
        {
            var (message, error, status) = await EmailFormReader.ReadAsync(context.Request, cancellationToken);
            if (error is not null)
            {
                return Mosip.Error(status, ResponseId, "v1", error, context);
            }

            var result = await delivery.SubmitEmailAsync(message!, cancellationToken);
            var failure = result.Status != NotificationStatus.Failed ? null : result.Failure switch
            {
                NotificationFailure.Rejected => EmailErrors.MailSend,
                NotificationFailure.AuthenticationFailed => EmailErrors.MailAuthentication,
                _ => EmailErrors.Mail,
            };
            return failure is null
                ? Mosip.Ok(ResponseId, new NotifierResponse("success", "Email Request submitted"))
                : Mosip.Fail<NotifierResponse>(ResponseId, failure);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The seed spells this service's 500 message differently from the platform default, so it is answered here.
            LogUnexpected(loggers.CreateLogger(typeof(EmailApi).FullName!), ex, context.TraceIdentifier);
            return Mosip.Error(StatusCodes.Status500InternalServerError, ResponseId, "v1", EmailErrors.Internal, context);
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "E-mail route failed unexpectedly (request {RequestId})")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, string requestId);
}
