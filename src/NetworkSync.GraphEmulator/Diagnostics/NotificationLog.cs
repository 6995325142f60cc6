namespace NetworkSync.GraphEmulator;

/// <summary>Every notification POST attempt the emulator made (change and lifecycle), in the order they ended.</summary>
public sealed class NotificationLog
{
    private readonly Lock _gate = new();
    private readonly List<NotificationLogEntry> _entries = [];

    public IReadOnlyList<NotificationLogEntry> Snapshot()
    {
        lock (_gate)
        {
            return [.. _entries];
        }
    }

    /// <summary>Number of logged attempts, optionally only those for one subscription.</summary>
    public int Count(string? subscriptionId = null)
    {
        lock (_gate)
        {
            return subscriptionId is null ? _entries.Count : _entries.Count(e => e.SubscriptionId == subscriptionId);
        }
    }

    public void Clear()
    {
        lock (_gate)
        {
            _entries.Clear();
        }
    }

    internal void Add(NotificationLogEntry entry)
    {
        lock (_gate)
        {
            _entries.Add(entry);
        }
    }
}
