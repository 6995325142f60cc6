namespace NetworkSync.GraphEmulator.Storage;

/// <summary>
/// A keyed collection that remembers the order of changes, which is what delta queries page through.
/// Every upsert or removal appends an entry with the next change number; an entry superseded by a later
/// change of the same key is skipped (and compacted away) so the log stays ordered and a delta
/// follow-up only walks the changes made since its token, never the whole collection.
/// </summary>
internal sealed class ChangeTrackedCollection<TItem>
    where TItem : class
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, ChangeEntry<TItem>> _current = new(StringComparer.Ordinal);
    private List<ChangeEntry<TItem>> _log = [];
    private long _sequence;

    public long CurrentSequence
    {
        get
        {
            lock (_gate)
            {
                return _sequence;
            }
        }
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _current.Count(e => !e.Value.IsRemoved);
            }
        }
    }

    public TItem? Get(string key)
    {
        lock (_gate)
        {
            return _current.TryGetValue(key, out var entry) && !entry.IsRemoved ? entry.Item : null;
        }
    }

    /// <summary>The current change entry of a present item (its state and change number), or null.</summary>
    public ChangeEntry<TItem>? Entry(string key)
    {
        lock (_gate)
        {
            return _current.TryGetValue(key, out var entry) && !entry.IsRemoved ? entry : null;
        }
    }

    /// <summary>The current items in the order they were added (an update keeps an item's place).</summary>
    public IReadOnlyList<TItem> Items()
    {
        lock (_gate)
        {
            return [.. _current.Values.Where(e => !e.IsRemoved).OrderBy(e => e.CreatedSequence).Select(e => e.Item)];
        }
    }

    public void Upsert(string key, TItem item) => Upsert(key, item, out _);

    /// <summary>
    /// Adds or replaces the item; returns the change number (change notifications derive the etag from it,
    /// as delta does) and whether the key was new, so the caller can tell a create from an update.
    /// </summary>
    public long Upsert(string key, TItem item, out bool added)
    {
        lock (_gate)
        {
            added = !_current.TryGetValue(key, out var previous) || previous.IsRemoved;
            var created = added ? _sequence + 1 : previous!.CreatedSequence;
            Append(new ChangeEntry<TItem>(key, ++_sequence, created, item, IsRemoved: false));
            return _sequence;
        }
    }

    /// <summary>Records the removal; returns the removed item, or null when the key was not present.</summary>
    public TItem? Remove(string key) => Remove(key, out _);

    /// <summary>Records the removal; returns the removed item (and the removal's change number), or null when the key was not present.</summary>
    public TItem? Remove(string key, out long sequence)
    {
        lock (_gate)
        {
            sequence = 0;
            if (!_current.TryGetValue(key, out var previous) || previous.IsRemoved)
            {
                return null;
            }

            sequence = ++_sequence;
            Append(previous with { Sequence = sequence, IsRemoved = true });
            return previous.Item;
        }
    }

    /// <summary>
    /// Walks the current entries with change numbers in (<paramref name="after"/>, <paramref name="upTo"/>]
    /// in change order, passing each to <paramref name="classify"/>, until <paramref name="pageSize"/>
    /// entries were kept. Returns the kept entries, the last change number walked and whether the walk
    /// reached <paramref name="upTo"/>.
    /// </summary>
    public ChangePage<TItem> ReadPage(long after, long upTo, int pageSize, Func<ChangeEntry<TItem>, DeltaEmit> classify)
    {
        var kept = new List<(ChangeEntry<TItem>, DeltaEmit)>(Math.Min(pageSize, 1024));
        lock (_gate)
        {
            var index = FirstIndexAfter(after);
            var last = after;
            for (; index < _log.Count && kept.Count < pageSize; index++)
            {
                var entry = _log[index];
                if (entry.Sequence > upTo)
                {
                    break;
                }

                last = entry.Sequence;
                if (!ReferenceEquals(_current[entry.Key], entry))
                {
                    continue;
                }

                var emit = classify(entry);
                if (emit != DeltaEmit.Skip)
                {
                    kept.Add((entry, emit));
                }
            }

            // Look past entries this page would skip anyway, so a round does not end with an empty page
            // just to hand out the deltaLink (bounded, to keep a page cheap).
            for (var peeked = 0; index < _log.Count && _log[index].Sequence <= upTo && peeked < 1024; index++, peeked++)
            {
                var entry = _log[index];
                if (ReferenceEquals(_current[entry.Key], entry) && classify(entry) != DeltaEmit.Skip)
                {
                    break;
                }

                last = entry.Sequence;
            }

            var complete = index >= _log.Count || _log[index].Sequence > upTo;
            return new ChangePage<TItem>(kept, complete ? upTo : last, complete);
        }
    }

    private int FirstIndexAfter(long sequence)
    {
        int low = 0, high = _log.Count;
        while (low < high)
        {
            var mid = (low + high) >>> 1;
            if (_log[mid].Sequence <= sequence)
            {
                low = mid + 1;
            }
            else
            {
                high = mid;
            }
        }

        return low;
    }

    private void Append(ChangeEntry<TItem> entry)
    {
        _current[entry.Key] = entry;
        _log.Add(entry);
        if (_log.Count > (2 * _current.Count) + 64)
        {
            _log = _log.Where(e => ReferenceEquals(_current[e.Key], e)).ToList();
        }
    }
}

/// <summary>How a delta page shows an entry.</summary>
internal enum DeltaEmit
{
    Skip,
    Item,
    Removed,
}

/// <summary>A page walked by <see cref="ChangeTrackedCollection{TItem}.ReadPage"/>.</summary>
internal sealed record ChangePage<TItem>(IReadOnlyList<(ChangeEntry<TItem> Entry, DeltaEmit Emit)> Entries, long LastSequence, bool Complete)
    where TItem : class;
