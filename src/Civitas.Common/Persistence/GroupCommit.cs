using System.Threading.Channels;

namespace Civitas.Common.Persistence;

/// <summary>
/// Group commit for a hot-path write: each caller submits one item and waits for its own result, and the items
/// that queue up while one batch is written become the next batch, written as one unit (one transaction, one
/// commit, one round trip). Alone, a caller costs one small batch; under load, one commit serves dozens.
/// When a batch fails as a whole, its items are written again one by one, so a bad item (or a deadlock between
/// two hosts' batches) fails only its own caller. Disposal writes what is already queued before it returns.
/// Reads use the same queue to share a round trip (<see cref="GroupedQuery{TContext, TRow}"/>): there a "batch"
/// is the queued calls sent together, and its "commit" is the answer.
/// </summary>
/// <typeparam name="TItem">What one caller asks to have written.</typeparam>
/// <typeparam name="TResult">What that caller learns once the batch has committed.</typeparam>
public sealed class GroupCommit<TItem, TResult> : IAsyncDisposable
{
    private readonly Channel<Pending> _queue = Channel.CreateUnbounded<Pending>(new UnboundedChannelOptions { SingleReader = true });
    private readonly Func<IReadOnlyList<TItem>, Task<TResult[]>> _writeBatch;
    private readonly Action<int, Exception> _batchFailed;
    private readonly int _maxBatch;
    private readonly Task _loop;

    /// <param name="writeBatch">Writes the items as one unit and returns one result per item, in order; throws when nothing was written.</param>
    /// <param name="maxBatch">The most items in one unit.</param>
    /// <param name="batchFailed">Told (count, error) when a batch of several failed and is retried item by item, e.g. to log it.</param>
    public GroupCommit(Func<IReadOnlyList<TItem>, Task<TResult[]>> writeBatch, int maxBatch, Action<int, Exception> batchFailed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxBatch, 1);
        _writeBatch = writeBatch;
        _maxBatch = maxBatch;
        _batchFailed = batchFailed;
        _loop = Task.Run(WriteLoopAsync);
    }

    /// <summary>Completes with <paramref name="item"/>'s result once its batch has committed; faults when it could not be written.</summary>
    public Task<TResult> SubmitAsync(TItem item)
    {
        var pending = new Pending(item);
        return _queue.Writer.TryWrite(pending) ? pending.Done.Task : throw new ObjectDisposedException(nameof(GroupCommit<TItem, TResult>));
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
    }

    private async Task WriteLoopAsync()
    {
        var batch = new List<Pending>(_maxBatch);
        var items = new List<TItem>(_maxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < _maxBatch && _queue.Reader.TryRead(out var pending))
            {
                batch.Add(pending);
                items.Add(pending.Item);
            }

            await WriteAsync(batch, items);
            batch.Clear();
            items.Clear();
        }
    }

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1031", Justification = "Every failure goes to the waiting callers; the loop must keep serving the next ones.")]
    private async Task WriteAsync(List<Pending> batch, List<TItem> items)
    {
        try
        {
            var results = await _writeBatch(items);
            if (results.Length != batch.Count)
            {
                throw new InvalidOperationException($"A batch of {batch.Count} gave {results.Length} results.");
            }

            for (var i = 0; i < batch.Count; i++)
            {
                batch[i].Done.TrySetResult(results[i]);
            }
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            _batchFailed(batch.Count, ex);
            foreach (var pending in batch)
            {
                await WriteAsync([pending], [pending.Item]);
            }
        }
        catch (Exception ex)
        {
            batch[0].Done.TrySetException(ex);
        }
    }

    private sealed class Pending(TItem item)
    {
        public TItem Item { get; } = item;

        public TaskCompletionSource<TResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}
