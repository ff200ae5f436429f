using Civitas.Notifications.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Civitas.Notifications.Outbox;

/// <summary>
/// Retries pending messages that are due. Any number of hosts may run it: a message is claimed by setting its lease
/// with a conditional update (only one host's update matches), so each attempt happens once.
/// </summary>
internal sealed partial class OutboxWorker(
    IDbContextFactory<NotificationsDbContext> contexts,
    NotificationDelivery delivery,
    IOptions<NotificationsOptions> options,
    TimeProvider clock,
    ILogger<OutboxWorker> logger) : BackgroundService
{
    private const int BatchSize = 20;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                foreach (var message in await ClaimDueAsync(stoppingToken))
                {
                    claimed++;
                    await delivery.AttemptAsync(message);
                }
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogPollFailed(logger, ex);
            }

            if (claimed < BatchSize)
            {
                try
                {
                    await Task.Delay(options.Value.Retry.PollInterval, clock, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task<List<OutboxMessageEntity>> ClaimDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var leaseUntil = now + NotificationDelivery.Lease;
        await using var context = await contexts.CreateDbContextAsync(cancellationToken);
        var due = await context.Outbox.AsNoTracking()
            .Where(m => m.Status == OutboxStatus.Pending && m.NextAttemptAt <= now && (m.LeaseUntil == null || m.LeaseUntil < now))
            .OrderBy(m => m.NextAttemptAt)
            .Take(BatchSize)
            .ToListAsync(cancellationToken);
        var claimed = new List<OutboxMessageEntity>(due.Count);
        foreach (var message in due)
        {
            // Compare-and-set on the lease: another host that read the same row loses this race and skips it.
            var won = await context.Outbox
                .Where(m => m.Id == message.Id && m.Status == OutboxStatus.Pending && (m.LeaseUntil == null || m.LeaseUntil < now))
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.LeaseUntil, leaseUntil), cancellationToken);
            if (won == 1)
            {
                claimed.Add(message);
            }
        }

        return claimed;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "The notification outbox could not be read; trying again at the next poll")]
    private static partial void LogPollFailed(ILogger logger, Exception exception);
}
