using System.Text.Json;
using Civitas.Common.Persistence;
using Civitas.Notifications.Persistence;
using Civitas.Notifications.Transports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Civitas.Notifications.Outbox;

/// <summary>
/// Puts messages in the outbox and makes delivery attempts, recording each outcome on the row: delivered (payload
/// erased), retry later (with exponential backoff), or failed for good. Used by the send paths (first attempt at
/// once) and by <see cref="OutboxWorker"/> (retries). Every OTP sent puts a row in and marks it delivered, so
/// those two writes are group-committed (<see cref="GroupCommittedStatement{TContext}"/>); retries and failures,
/// the rare outcomes, go through EF Core.
/// </summary>
internal sealed partial class NotificationDelivery(
    IDbContextFactory<NotificationsDbContext> contexts,
    ISmsTransport smsTransport,
    IEmailTransport emailTransport,
    IOptions<NotificationsOptions> options,
    TimeProvider clock,
    ILogger<NotificationDelivery> logger) : IAsyncDisposable
{
    public const string Sms = "sms";
    public const string Email = "email";

    /// <summary>How long an attempt may hold a message before another worker may assume it died.</summary>
    public static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);

    // The columns of OutboxMessageEntity (NotificationsDbContext maps them by property name; Status as its name).
    private static readonly string[] NewColumns = ["Id", "Channel", "RecipientHint", "Payload", "Status", "Attempts", "CreatedAt", "NextAttemptAt", "LeaseUntil"];

    private static readonly string[] DeliveredNames = ["Id", "Attempts", "CompletedAt", "Erased"];

    // Delivered: the payload (the message text, an OTP) is erased.
    private const string MarkDelivered = """
        UPDATE notify_outbox SET "Status" = 'Delivered', "Attempts" = @Attempts, "CompletedAt" = @CompletedAt,
            "LeaseUntil" = NULL, "Payload" = @Erased, "LastError" = NULL
        WHERE "Id" = @Id
        """;

    private readonly GroupCommittedStatement<NotificationsDbContext> _newMessages =
        new(contexts, RawStatements.Insert("notify_outbox", NewColumns), NewColumns, StatementAnswer.RowsChanged, logger, "new outbox messages");

    private readonly GroupCommittedStatement<NotificationsDbContext> _deliveries =
        new(contexts, MarkDelivered, DeliveredNames, StatementAnswer.RowsChanged, logger, "outbox deliveries");

    public async ValueTask DisposeAsync()
    {
        await _newMessages.DisposeAsync();
        await _deliveries.DisposeAsync();
    }

    public Task<NotificationResult> SubmitSmsAsync(SmsPayload sms, CancellationToken cancellationToken) =>
        SubmitAsync(Sms, RecipientMask.Number(sms.Number), JsonSerializer.SerializeToUtf8Bytes(sms), cancellationToken);

    public Task<NotificationResult> SubmitEmailAsync(EmailMessage email, CancellationToken cancellationToken) =>
        SubmitAsync(Email, RecipientMask.Addresses(email.To), JsonSerializer.SerializeToUtf8Bytes(email), cancellationToken);

    /// <summary>Makes one attempt for a message this worker holds the lease of, and records the outcome.</summary>
    public async Task<NotificationResult> AttemptAsync(OutboxMessageEntity message)
    {
        DeliveryOutcome outcome;
        try
        {
            // Not cancellable: once started, an attempt finishes and is recorded (a caller hanging up changes nothing).
            outcome = message.Channel == Sms
                ? await smsTransport.SendAsync(JsonSerializer.Deserialize<SmsPayload>(message.Payload)!, CancellationToken.None)
                : await emailTransport.SendAsync(JsonSerializer.Deserialize<EmailMessage>(message.Payload)!, CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogUnexpected(logger, ex, message.Id);
            outcome = DeliveryOutcome.Transient("unexpected " + ex.GetType().Name);
        }

        return await RecordAsync(message, outcome);
    }

    private async Task<NotificationResult> SubmitAsync(string channel, string recipientHint, byte[] payload, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var message = new OutboxMessageEntity
        {
            Id = Guid.CreateVersion7(),
            Channel = channel,
            RecipientHint = recipientHint,
            Payload = payload,
            Status = OutboxStatus.Pending,
            CreatedAt = now,
            NextAttemptAt = now,
            // Held by this call for its first attempt; if the process dies meanwhile, the lease runs out and a worker retries.
            LeaseUntil = now + Lease,
        };
        await _newMessages.RunAsync(
            message.Id, message.Channel, message.RecipientHint, message.Payload, nameof(OutboxStatus.Pending), message.Attempts,
            message.CreatedAt, message.NextAttemptAt, message.LeaseUntil);
        return await AttemptAsync(message);
    }

    private async Task<NotificationResult> RecordAsync(OutboxMessageEntity message, DeliveryOutcome outcome)
    {
        var retry = options.Value.Retry;
        var attempts = message.Attempts + 1;
        var now = clock.GetUtcNow().UtcDateTime;
        if (outcome.IsDelivered)
        {
            await _deliveries.RunAsync(message.Id, attempts, now, Array.Empty<byte>());
            return new NotificationResult(message.Id, NotificationStatus.Delivered, NotificationFailure.None);
        }

        await using var context = await contexts.CreateDbContextAsync();
        var row = context.Outbox.Where(m => m.Id == message.Id);

        if (!outcome.IsPermanent && attempts < retry.MaxAttempts)
        {
            var delay = Backoff(retry, attempts);
            await row.ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Attempts, attempts).SetProperty(m => m.NextAttemptAt, now + delay)
                .SetProperty(m => m.LeaseUntil, (DateTime?)null).SetProperty(m => m.LastError, outcome.Error));
            LogRetry(logger, message.Channel, message.Id, message.RecipientHint, attempts, outcome.Error, delay);
            return new NotificationResult(message.Id, NotificationStatus.Queued, NotificationFailure.None);
        }

        var failure = outcome.IsPermanent ? outcome.Failure : NotificationFailure.TransportError;
        await row.ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Status, OutboxStatus.Failed).SetProperty(m => m.Attempts, attempts)
            .SetProperty(m => m.CompletedAt, now).SetProperty(m => m.LeaseUntil, (DateTime?)null)
            .SetProperty(m => m.LastError, outcome.Error));
        LogFailed(logger, message.Channel, message.Id, message.RecipientHint, attempts, outcome.Error);
        return new NotificationResult(message.Id, NotificationStatus.Failed, failure);
    }

    /// <summary>InitialDelay, doubled per failed attempt, capped at MaxDelay.</summary>
    internal static TimeSpan Backoff(RetryOptions retry, int attempts)
    {
        var factor = Math.Pow(2, Math.Min(attempts - 1, 30));
        return TimeSpan.FromTicks((long)Math.Min(retry.InitialDelay.Ticks * factor, retry.MaxDelay.Ticks));
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notification {Channel} {MessageId} to {Recipient}: attempt {Attempts} failed ({Error}); next attempt in {Delay}")]
    private static partial void LogRetry(ILogger logger, string channel, Guid messageId, string recipient, int attempts, string? error, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Notification {Channel} {MessageId} to {Recipient} FAILED after {Attempts} attempt(s): {Error}; it stays in notify_outbox with status Failed")]
    private static partial void LogFailed(ILogger logger, string channel, Guid messageId, string recipient, int attempts, string? error);


    [LoggerMessage(Level = LogLevel.Error, Message = "Notification {MessageId}: unexpected error in the transport")]
    private static partial void LogUnexpected(ILogger logger, Exception exception, Guid messageId);
}
