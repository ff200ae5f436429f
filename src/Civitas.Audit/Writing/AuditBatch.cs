namespace Civitas.Audit.Writing;

/// <summary>The events of one transaction and the callers waiting on it (durable writes and flushes).</summary>
internal sealed class AuditBatch(int capacity)
{
    private readonly List<AuditEvent> _events = new(capacity);
    private readonly List<(int Index, TaskCompletionSource Done)> _waiters = [];

    public IReadOnlyList<AuditEvent> Events => _events;

    public void Add(AuditWorkItem item)
    {
        if (item.Event is not null)
        {
            _events.Add(item.Event);
        }

        if (item.Done is not null)
        {
            // Index of the waiter's own event, or -1 for a flush marker (which has none).
            _waiters.Add((item.Event is null ? -1 : _events.Count - 1, item.Done));
        }
    }

    public void CompleteAll()
    {
        foreach (var (_, done) in _waiters)
        {
            done.TrySetResult();
        }
    }

    /// <summary>Fails the callers that wait for their own event and drops those events; returns how many.</summary>
    public int FailDurable(Exception error)
    {
        var durable = _waiters.Where(w => w.Index >= 0).ToList();
        if (durable.Count == 0)
        {
            return 0;
        }

        var dropped = durable.Select(w => w.Index).ToHashSet();
        var kept = _events.Where((_, index) => !dropped.Contains(index)).ToList();
        _events.Clear();
        _events.AddRange(kept);
        var flushes = _waiters.Where(w => w.Index < 0).ToList();
        _waiters.Clear();
        _waiters.AddRange(flushes);
        foreach (var (_, done) in durable)
        {
            done.TrySetException(error);
        }

        return durable.Count;
    }

    public void FailAll(Exception error)
    {
        foreach (var (_, done) in _waiters)
        {
            done.TrySetException(error);
        }
    }

    public void Clear()
    {
        _events.Clear();
        _waiters.Clear();
    }
}
