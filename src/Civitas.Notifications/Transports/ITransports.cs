namespace Civitas.Notifications.Transports;

/// <summary>An SMS as stored in the outbox.</summary>
internal sealed record SmsPayload(string Number, string Message);

/// <summary>Delivers SMS (dev sink or HTTP gateway). Never throws for delivery problems: it classifies them.</summary>
internal interface ISmsTransport
{
    Task<DeliveryOutcome> SendAsync(SmsPayload sms, CancellationToken cancellationToken);
}

/// <summary>Delivers e-mail (dev sink or SMTP). Never throws for delivery problems: it classifies them.</summary>
internal interface IEmailTransport
{
    Task<DeliveryOutcome> SendAsync(EmailMessage email, CancellationToken cancellationToken);
}
