using System.Threading.Channels;
using Civitas.Authentication.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Civitas.Authentication.Transactions;

/// <summary>
/// Group commit for auth transaction rows: every caller waits until its row is committed, but rows that queue up
/// while one batch is written go into the next batch, in one SaveChanges. One SaveChanges per row was the largest
/// database cost of an authentication (bench/README.md, "Authentication"). A batch that fails is written again
/// row by row, so one bad row fails only its own caller. Disposal writes what is queued before it returns.
/// </summary>
internal sealed partial class AuthTransactionWriter : IAsyncDisposable
{
    private const int MaxBatch = 500;

    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly IDbContextFactory<AuthenticationDbContext> _databases;
    private readonly ILogger<AuthTransactionWriter> _logger;
    private readonly Task _loop;

    public AuthTransactionWriter(IDbContextFactory<AuthenticationDbContext> databases, ILogger<AuthTransactionWriter> logger)
    {
        _databases = databases;
        _logger = logger;
        _loop = Task.Run(WriteLoopAsync);
    }

    /// <summary>Completes once <paramref name="row"/> is committed; faults when it could not be written.</summary>
    public Task WriteAsync(AuthTransactionRow row)
    {
        var pending = new Pending(row);
        if (!_queue.Writer.TryWrite(pending))
        {
            throw new ObjectDisposedException(nameof(AuthTransactionWriter));
        }
        return pending.Committed.Task;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Pending>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
            }
            try
            {
                await SaveAsync(batch);
                batch.ForEach(p => p.Committed.TrySetResult());
            }
            catch (Exception ex) when (batch.Count > 1)
            {
                LogBatchFailed(_logger, batch.Count, ex);
                foreach (var pending in batch)
                {
                    await SaveAloneAsync(pending);
                }
            }
            catch (Exception ex)
            {
                batch[0].Committed.TrySetException(ex);
            }
            batch.Clear();
        }
    }

    private async Task SaveAloneAsync(Pending pending)
    {
        try
        {
            await SaveAsync([pending]);
            pending.Committed.TrySetResult();
        }
        catch (Exception ex)
        {
            pending.Committed.TrySetException(ex);
        }
    }

    private async Task SaveAsync(List<Pending> batch)
    {
        await using var db = await _databases.CreateDbContextAsync();
        db.Transactions.AddRange(batch.Select(p => p.Row));
        await db.SaveChangesAsync();
    }

    private sealed class Pending(AuthTransactionRow row)
    {
        public AuthTransactionRow Row { get; } = row;

        public TaskCompletionSource Committed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Writing {Count} auth transaction rows together failed; writing them one by one")]
    private static partial void LogBatchFailed(ILogger logger, int count, Exception exception);
}
