using Civitas.Common.Persistence;

namespace Civitas.Host.Tests;

/// <summary>The group commit under the hot-path writers: batches form while one is written, and a bad item fails alone.</summary>
public sealed class GroupCommitTests
{
    [Fact]
    public async Task Items_queued_during_a_write_share_the_next_batch_and_each_caller_gets_its_own_result()
    {
        var firstWrite = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var batchSizes = new List<int>();
        await using var commit = new GroupCommit<int, string>(
            async items =>
            {
                lock (batchSizes)
                {
                    batchSizes.Add(items.Count);
                }
                await firstWrite.Task;
                return [.. items.Select(item => $"row {item}")];
            },
            maxBatch: 100,
            batchFailed: (_, _) => Assert.Fail("no batch should fail"));

        var first = commit.SubmitAsync(0);
        await WaitUntilAsync(() => batchSizes.Count == 1);
        var queued = Enumerable.Range(1, 20).Select(commit.SubmitAsync).ToList();
        firstWrite.SetResult();

        Assert.Equal("row 0", await first);
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"row {i}"), await Task.WhenAll(queued));
        Assert.Equal([1, 20], batchSizes);
    }

    [Fact]
    public async Task A_batch_that_fails_is_written_again_item_by_item_and_only_the_bad_item_fails()
    {
        var firstWrite = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var written = new List<int>();
        var failedBatches = new List<int>();
        await using var commit = new GroupCommit<int, bool>(
            async items =>
            {
                await firstWrite.Task;
                if (items.Contains(13))
                {
                    throw new InvalidOperationException("row 13 breaks a constraint");
                }
                lock (written)
                {
                    written.AddRange(items);
                }
                return new bool[items.Count];
            },
            maxBatch: 100,
            batchFailed: (count, _) => failedBatches.Add(count));

        var first = commit.SubmitAsync(0);
        var queued = Enumerable.Range(10, 6).Select(commit.SubmitAsync).ToList();
        firstWrite.SetResult();
        await first;

        foreach (var (item, task) in Enumerable.Range(10, 6).Zip(queued))
        {
            if (item == 13)
            {
                await Assert.ThrowsAsync<InvalidOperationException>(() => task);
            }
            else
            {
                await task;
            }
        }
        Assert.Equal([0, 10, 11, 12, 14, 15], written.Order());
        Assert.NotEmpty(failedBatches);
    }

    [Fact]
    public async Task Disposal_writes_what_is_queued_and_later_submissions_are_refused()
    {
        var written = 0;
        var commit = new GroupCommit<int, bool>(
            async items =>
            {
                await Task.Delay(5);
                Interlocked.Add(ref written, items.Count);
                return new bool[items.Count];
            },
            maxBatch: 7,
            batchFailed: (_, _) => { });

        var queued = Enumerable.Range(0, 50).Select(commit.SubmitAsync).ToList();
        await commit.DisposeAsync();

        Assert.All(queued, task => Assert.True(task.IsCompletedSuccessfully));
        Assert.Equal(50, written);
        Assert.Throws<ObjectDisposedException>(() => { _ = commit.SubmitAsync(51); });
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        for (var i = 0; i < 500 && !condition(); i++)
        {
            await Task.Delay(10);
        }
        Assert.True(condition());
    }
}
