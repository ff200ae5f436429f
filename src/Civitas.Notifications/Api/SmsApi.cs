using Civitas.Common.Envelope;
using Civitas.Common.Errors;
using Civitas.Common.Security;
using Civitas.Notifications.Outbox;
using Civitas.Notifications.Transports;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Civitas.Notifications.Api;

/// <summary>The SMS notifier route, on the seed's path and the current one (same handler).</summary>
internal static class SmsApi
{
    public const string SeedPath = "/v1/smsnotifier/sms/send";
    public const string CurrentPath = "/v1/notifier/sms/send";
    public const int MaxMessageLength = 1600;

    private static readonly ServiceErrorCodes Codes = new(SmsErrors.Prefix);

    public static void MapSmsApi(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("").WithMosipEnvelope(SmsErrors.Prefix).RequireCivitasScope(CivitasScopes.Kernel).WithTags("SMS notifier");
        group.MapPost(CurrentPath, SendAsync).WithName("SendSms").WithSummary("Send an SMS through the configured gateway (outbox with retries).");
        group.MapPost(SeedPath, SendAsync).WithName("SendSmsSeedPath").WithSummary("The same, on the path of older MOSIP clients.");
    }

    private static async Task<Ok<MosipResponse<NotifierResponse>>> SendAsync(
        MosipBody<SmsRequest> body, NotificationDelivery delivery, IOptions<NotificationsOptions> options, CancellationToken cancellationToken)
    {
        var request = body.Request;
        if (string.IsNullOrWhiteSpace(request.Number) || string.IsNullOrWhiteSpace(request.Message))
        {
            return Mosip.Fail<NotifierResponse>(body, SmsErrors.MissingInput);
        }

        if (!RecipientRules.IsValidNumber(request.Number, options.Value.Sms))
        {
            return Mosip.Fail<NotifierResponse>(body, SmsErrors.InvalidNumber);
        }

        if (request.Message.Length > MaxMessageLength)
        {
            return Mosip.Fail<NotifierResponse>(body, Codes.InvalidInput($"message is longer than {MaxMessageLength} characters"));
        }

        var result = await delivery.SubmitSmsAsync(new SmsPayload(request.Number, request.Message), cancellationToken);
        // Queued counts as accepted: the outbox keeps retrying. Only a final refusal by the gateway is reported.
        return result.Status == NotificationStatus.Failed
            ? Mosip.Fail<NotifierResponse>(body, SmsErrors.Internal)
            : Mosip.Ok(body, new NotifierResponse("success", "Sms Request Sent"));
    }
}
