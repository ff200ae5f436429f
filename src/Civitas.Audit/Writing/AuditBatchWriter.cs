using System.Threading.Channels;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Civitas.Audit.Writing;

/// <summary>
/// <see cref="IAuditLog"/>: a bounded in-memory queue drained by this background service, which appends up to
/// <see cref="AuditOptions.BatchSize"/> events per transaction. A failed batch is retried with backoff and kept in
/// memory meanwhile; on shutdown the queue is closed and drained before the host stops (within its shutdown timeout).
/// </summary>
internal sealed partial class AuditBatchWriter : BackgroundService, IAuditLog
{
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);

    private readonly Channel<AuditWorkItem> _queue;
    private readonly IAuditAppender _appender;
    private readonly ILogger<AuditBatchWriter> _logger;
    private readonly int _batchSize;

    // Cancelled only when the host gives up waiting for the drain (its shutdown timeout).
    private readonly CancellationTokenSource _abandon = new();

    public AuditBatchWriter(IAuditAppender appender, IOptions<AuditOptions> options, ILogger<AuditBatchWriter> logger)
    {
        _appender = appender;
        _logger = logger;
        _batchSize = Math.Max(1, options.Value.BatchSize);
        _queue = Channel.CreateBounded<AuditWorkItem>(new BoundedChannelOptions(Math.Max(_batchSize, options.Value.QueueCapacity))
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
    }

    public ValueTask WriteAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        EnsureValid(auditEvent);
        var item = new AuditWorkItem(auditEvent, null);
        return _queue.Writer.TryWrite(item) ? ValueTask.CompletedTask : EnqueueSlowAsync(item, cancellationToken);
    }

    public async Task WriteDurablyAsync(AuditEvent auditEvent, CancellationToken cancellationToken = default)
    {
        EnsureValid(auditEvent);
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await EnqueueSlowAsync(new AuditWorkItem(auditEvent, done), cancellationToken);
        await done.Task.WaitAsync(cancellationToken);
    }

    public async Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await EnqueueSlowAsync(new AuditWorkItem(null, done), cancellationToken);
        await done.Task.WaitAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        // No new events; the loop drains what is queued and then ends by itself.
        _queue.Writer.TryComplete();
        using var giveUp = cancellationToken.Register(_abandon.Cancel);
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _abandon.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var batch = new AuditBatch(_batchSize);
        // The stopping token is deliberately not used to end the loop: it ends when the queue is closed and empty.
        while (await _queue.Reader.WaitToReadAsync(CancellationToken.None))
        {
            while (batch.Events.Count < _batchSize && _queue.Reader.TryRead(out var item))
            {
                batch.Add(item);
            }

            await AppendWithRetryAsync(batch);
            batch.Clear();
        }
    }

    private async Task AppendWithRetryAsync(AuditBatch batch)
    {
        var backoff = TimeSpan.FromMilliseconds(100);
        while (true)
        {
            try
            {
                if (batch.Events.Count > 0)
                {
                    await _appender.AppendAsync(batch.Events, _abandon.Token);
                }

                batch.CompleteAll();
                return;
            }
            catch (Exception ex) when (!_abandon.IsCancellationRequested)
            {
                // Callers waiting for durability get the failure now (and may retry); queued events are kept and retried.
                var failedWaiters = batch.FailDurable(ex);
                LogAppendFailed(_logger, ex, batch.Events.Count, failedWaiters, backoff);
                try
                {
                    await Task.Delay(backoff, _abandon.Token);
                }
                catch (OperationCanceledException)
                {
                    break;
                }

                backoff = TimeSpan.FromTicks(Math.Min(backoff.Ticks * 2, MaxBackoff.Ticks));
            }
            catch (Exception ex)
            {
                batch.FailAll(ex);
                break;
            }
        }

        LogEventsAbandoned(_logger, batch.Events.Count);
        batch.FailAll(new OperationCanceledException("The host stopped before the audit events could be stored."));
    }

    private async ValueTask EnqueueSlowAsync(AuditWorkItem item, CancellationToken cancellationToken)
    {
        try
        {
            await _queue.Writer.WriteAsync(item, cancellationToken);
        }
        catch (ChannelClosedException)
        {
            throw new InvalidOperationException("The audit log has shut down; no more events are accepted.");
        }
    }

    private static void EnsureValid(AuditEvent auditEvent)
    {
        var (problem, field) = AuditEventValidator.Validate(auditEvent);
        if (problem != AuditEventProblem.None)
        {
            throw new ArgumentException($"Audit event field '{field}' is {(problem == AuditEventProblem.MissingField ? "missing" : "malformed or too long")}.", nameof(auditEvent));
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Appending {Count} audit event(s) failed ({Waiters} waiting caller(s) told); retrying in {Backoff}")]
    private static partial void LogAppendFailed(ILogger logger, Exception exception, int count, int waiters, TimeSpan backoff);

    [LoggerMessage(Level = LogLevel.Critical, Message = "The host stopped while the database was failing: {Count} audit event(s) could not be stored")]
    private static partial void LogEventsAbandoned(ILogger logger, int count);
}
