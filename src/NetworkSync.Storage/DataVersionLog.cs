namespace NetworkSync.Storage;

/// <summary>
/// One mailbox's data version and what the last writes changed (see <see cref="MailboxDataChange"/>),
/// so that a cache behind by a few versions can apply just those changes. Only the last
/// <see cref="Kept"/> changes are kept: a cache further behind, or behind a write whose change is
/// unknown, recomputes.
/// </summary>
internal sealed class DataVersionLog
{
    private const int Kept = 256;
    private readonly Lock gate = new();
    private readonly Queue<(long Version, MailboxDataChange? Change)> recent = new();

    private long version;

    public long Version
    {
        get
        {
            lock (gate)
            {
                return version;
            }
        }
    }

    public long Bump(MailboxDataChange? change)
    {
        lock (gate)
        {
            version++;
            recent.Enqueue((version, change));
            if (recent.Count > Kept)
            {
                recent.Dequeue();
            }

            return version;
        }
    }

    /// <summary>Everything written after <paramref name="since"/> up to <paramref name="until"/>; null when some of it is unknown.</summary>
    public MailboxDataChange? Between(long since, long until)
    {
        lock (gate)
        {
            if (since >= until || until > version)
            {
                return null;
            }

            MailboxDataChange? total = null;
            var expected = since + 1;
            foreach (var (at, change) in recent)
            {
                if (at <= since || at > until)
                {
                    continue;
                }

                if (at != expected || change is null)
                {
                    return null;
                }

                total = total is null ? change : total.With(change);
                expected++;
            }

            return expected == until + 1 ? total : null;
        }
    }
}
