using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Civitas.Authentication.Transactions;

/// <summary>
/// Once a minute deletes expired replay-guard entries, so the guard table stays the size of one time window, and OTP
/// request rows older than <see cref="AuthenticationOptions.OtpRequestRetentionHours"/>.
/// </summary>
internal sealed partial class ReplayGuardSweeper(AuthTransactionStore store, ILogger<ReplayGuardSweeper> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(1));
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                try
                {
                    await store.SweepAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogSweepFailed(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sweeping expired transaction ids and old OTP requests failed; retrying next minute")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception);
}
