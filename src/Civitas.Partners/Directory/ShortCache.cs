using System.Collections.Concurrent;

namespace Civitas.Partners.Directory;

/// <summary>
/// A small time-limited cache for the hot path: entries live <c>ttl</c> by the host's clock, may be dropped at
/// once (changes made on this node) and the whole cache is emptied when it grows past its bound, so a flood of
/// distinct keys cannot exhaust memory. Only successful reads are put in it.
/// </summary>
internal sealed class ShortCache<TValue>(TimeSpan ttl, TimeProvider clock, int capacity = 100_000)
    where TValue : class
{
    private readonly ConcurrentDictionary<string, (TValue Value, long ExpiresAt)> _entries = new(StringComparer.Ordinal);

    public bool Enabled => ttl > TimeSpan.Zero;

    public TValue? Get(string key)
    {
        if (!Enabled || !_entries.TryGetValue(key, out var entry))
        {
            return null;
        }

        if (clock.GetTimestamp() < entry.ExpiresAt)
        {
            return entry.Value;
        }

        _entries.TryRemove(KeyValuePair.Create(key, entry));
        return null;
    }

    public void Set(string key, TValue value)
    {
        if (!Enabled)
        {
            return;
        }

        if (_entries.Count >= capacity)
        {
            _entries.Clear();
        }

        _entries[key] = (value, clock.GetTimestamp() + (long)(ttl.TotalSeconds * clock.TimestampFrequency));
    }

    public void Remove(string key) => _entries.TryRemove(key, out _);

    public void Clear() => _entries.Clear();
}
