using System.Diagnostics.CodeAnalysis;
using System.Threading.Channels;
using Npgsql;

namespace Civitas.Kernel.Persistence;

/// <summary>
/// Turns concurrent calls into one statement over many rows (PostgreSQL <c>unnest</c> arrays): callers queue,
/// a few loops each take what has queued and run it with <c>runBatch</c>, and every caller gets its own row's
/// answer. A batch holds each key at most once (a statement cannot change one row twice, and a second call on
/// the same key must see the first's effect), so a repeated key waits for the next batch; keys are sorted, so
/// parallel batches lock shared rows in the same order. If the statement fails, each call runs again alone,
/// so only a failing call fails. On PostgreSQL a statement per call costs the server ~280 µs of CPU, one row
/// of a batched statement ~10 µs (bench/README.md).
/// </summary>
internal sealed class KeyedBatcher<TItem, TResult> : IAsyncDisposable
{
    private const int MaxBatch = 128;

    private readonly Channel<Entry> _queue = Channel.CreateUnbounded<Entry>();
    private readonly Func<TItem, byte[]> _key;
    private readonly Func<IReadOnlyList<TItem>, Task<TResult[]>> _runBatch;
    private readonly Task[] _loops;

    /// <param name="key">The row a call changes; one per batch.</param>
    /// <param name="runBatch">Runs one statement for all items; answers in the same order.</param>
    /// <param name="loops">Batches in flight at once.</param>
    public KeyedBatcher(Func<TItem, byte[]> key, Func<IReadOnlyList<TItem>, Task<TResult[]>> runBatch, int loops)
    {
        _key = key;
        _runBatch = runBatch;
        _loops = [.. Enumerable.Range(0, loops).Select(_ => Task.Run(LoopAsync))];
    }

    public Task<TResult> RunAsync(TItem item, CancellationToken cancellationToken)
    {
        var entry = new Entry(item, _key(item), cancellationToken);
        return _queue.Writer.TryWrite(entry) ? entry.Done.Task : throw new ObjectDisposedException(nameof(KeyedBatcher<TItem, TResult>));
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await Task.WhenAll(_loops);
    }

    private async Task LoopAsync()
    {
        var batch = new List<Entry>(MaxBatch);
        var keys = new HashSet<byte[]>(KeyComparer.Instance);
        var later = new List<Entry>();
        while (later.Count > 0 || await _queue.Reader.WaitToReadAsync())
        {
            batch.Clear();
            keys.Clear();
            var carried = later;
            later = [];
            foreach (var entry in carried)
            {
                Take(entry);
            }

            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var entry))
            {
                Take(entry);
            }

            if (batch.Count > 0)
            {
                batch.Sort(static (a, b) => a.Key.AsSpan().SequenceCompareTo(b.Key));
                await RunBatchAsync(batch);
            }
        }

        void Take(Entry entry)
        {
            if (entry.CancellationToken.IsCancellationRequested)
            {
                // The caller gave up before its statement was sent: nothing is run for it.
                entry.Done.TrySetCanceled(entry.CancellationToken);
            }
            else if (batch.Count < MaxBatch && keys.Add(entry.Key))
            {
                batch.Add(entry);
            }
            else
            {
                later.Add(entry);
            }
        }
    }

    [SuppressMessage("Design", "CA1031", Justification = "Every failure is handed to the waiting callers; the loop must keep running.")]
    private async Task RunBatchAsync(List<Entry> batch)
    {
        TResult[] results;
        try
        {
            results = await _runBatch([.. batch.Select(entry => entry.Item)]);
        }
        catch (PostgresException) when (batch.Count > 1)
        {
            // Rolled back by the server, nothing of it happened: each call again alone, only a failing one fails.
            foreach (var entry in batch)
            {
                await RunBatchAsync([entry]);
            }

            return;
        }
        catch (Exception ex)
        {
            foreach (var entry in batch)
            {
                entry.Done.TrySetException(ex);
            }

            return;
        }

        for (var i = 0; i < batch.Count; i++)
        {
            batch[i].Done.TrySetResult(results[i]);
        }
    }

    private sealed record Entry(TItem Item, byte[] Key, CancellationToken CancellationToken)
    {
        public TaskCompletionSource<TResult> Done { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }
}

/// <summary>Byte-array keys (hashes) compared by content.</summary>
internal sealed class KeyComparer : IEqualityComparer<byte[]>
{
    public static readonly KeyComparer Instance = new();

    public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

    public int GetHashCode(byte[] obj)
    {
        var hash = new HashCode();
        hash.AddBytes(obj);
        return hash.ToHashCode();
    }
}
