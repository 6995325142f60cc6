using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using NetworkSync.Storage.Entities;

namespace NetworkSync.Storage.Coordination;

/// <summary>
/// Each mailbox's data version as every instance on the database sees it (a row in MailboxDataVersions),
/// for caches of derived data. This process bumps the row right after each of its own commits (it listens to
/// <see cref="NetworkSyncDatabase.DataChanged"/>) and remembers which shared versions were its own writes, so a
/// cache can still apply those incrementally (<see cref="ChangesBetween"/>); a version another instance wrote
/// is unknown here, and the cache recomputes in full. The row is read at most once per
/// <see cref="CoordinationOptions.DataVersionPollMilliseconds"/> per mailbox, so another instance's sync shows
/// within that, while a read-heavy API costs one cheap query a second per mailbox.
/// </summary>
public sealed class SharedDataVersions
{
    private const int Kept = 256;
    private const int MaxCollisions = 8;

    // One per database object, however many service providers share it (tests build several over one):
    // the local versions it maps are that object's, and two listeners would bump the row twice per write.
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<NetworkSyncDatabase, SharedDataVersions> PerDatabase = new();

    private readonly NetworkSyncDatabase database;
    private readonly TimeProvider time;
    private readonly TimeSpan poll;
    private readonly ConcurrentDictionary<string, MailboxVersions> mailboxes = new(StringComparer.Ordinal);

    private SharedDataVersions(NetworkSyncDatabase database, CoordinationOptions options, TimeProvider time)
    {
        this.database = database;
        this.time = time;
        poll = TimeSpan.FromMilliseconds(options.DataVersionPollMilliseconds);
        database.DataChanged += OnLocalChange;
    }

    /// <summary>The shared versions over <paramref name="database"/> (the first caller's options and clock serve them all).</summary>
    public static SharedDataVersions Over(NetworkSyncDatabase database, CoordinationOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(database);
        ArgumentNullException.ThrowIfNull(options);
        return PerDatabase.GetValue(database, d => new SharedDataVersions(d, options, time));
    }

    /// <summary>The mailbox's shared data version: this process's own writes at once, other instances' within the poll period.</summary>
    public async ValueTask<long> CurrentAsync(string mailboxId, CancellationToken cancellationToken)
    {
        var versions = For(mailboxId);
        if (!versions.DueForRead(time, poll))
        {
            return versions.Known;
        }

        long stored;
        await using (var context = database.CreateContext())
        {
            stored = await context.MailboxDataVersions.AsNoTracking()
                .Where(v => v.MailboxId == mailboxId)
                .Select(v => v.Version)
                .FirstOrDefaultAsync(cancellationToken)
                .ConfigureAwait(false);
        }

        return versions.Seen(stored, time);
    }

    /// <summary>
    /// What the writes after shared version <paramref name="since"/>, up to <paramref name="until"/>, changed,
    /// when every one of them was this process's and said what it changed; null otherwise (recompute).
    /// </summary>
    public MailboxDataChange? ChangesBetween(string mailboxId, long since, long until) =>
        For(mailboxId).LocalRange(since, until) is { } local ? database.ChangesBetween(mailboxId, local.Since, local.Until) : null;

    /// <summary>
    /// Moves the mailbox's version for a change made outside a synced page (an override, a setting), so other
    /// instances' caches recompute too; under the write gate, as page writes bump it, to keep this process's order.
    /// </summary>
    public async Task AnnounceAsync(string mailboxId, CancellationToken cancellationToken)
    {
        await database.WriteGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            database.MarkChanged(mailboxId);
        }
        finally
        {
            database.WriteGate.Release();
        }
    }

    private MailboxVersions For(string mailboxId) => mailboxes.GetOrAdd(mailboxId, static _ => new MailboxVersions());

    // Runs right after the commit, under the database's write gate (every MarkChanged does), so this
    // process's bumps are in the order of its local versions. The bump is its own short statement.
    private void OnLocalChange(string mailboxId, long localVersion)
    {
        var shared = Bump(mailboxId);
        For(mailboxId).Own(shared, localVersion, Kept);
    }

    // Compare-and-set, so that the version this bump produced is known exactly: it is this process's write.
    private long Bump(string mailboxId)
    {
        using var context = database.CreateContext();
        var collisions = 0;
        while (true)
        {
            var current = context.MailboxDataVersions.AsNoTracking().Where(v => v.MailboxId == mailboxId).Select(v => (long?)v.Version).FirstOrDefault();
            if (current is null)
            {
                // A mailbox with no row (deleted: its user deleted their data) gets no version row back naming
                // it; other instances no longer find the mailbox to read, so the version moves here only.
                if (!context.Mailboxes.AsNoTracking().Any(m => m.Id == mailboxId))
                {
                    return For(mailboxId).Known + 1;
                }

                // A row made again (its mailbox's data was deleted, then synced anew) starts above any version an
                // instance may still remember of the old one: the wall clock's milliseconds, never a counter's 1.
                var first = Math.Max(For(mailboxId).Known + 1, time.GetUtcNow().ToUnixTimeMilliseconds());
                var entry = context.MailboxDataVersions.Add(new MailboxDataVersionRow { MailboxId = mailboxId, Version = first });
                try
                {
                    context.SaveChanges();
                    return first;
                }
                catch (DbUpdateException) when (++collisions < MaxCollisions)
                {
                    // Another instance made the row first: bump it (a failure that is not that repeats, and ends here).
                }
                finally
                {
                    entry.State = EntityState.Detached;
                }

                continue;
            }

            var next = current.Value + 1;
            if (context.MailboxDataVersions.Where(v => v.MailboxId == mailboxId && v.Version == current.Value).ExecuteUpdate(s => s.SetProperty(v => v.Version, next)) == 1)
            {
                return next;
            }
        }
    }

    /// <summary>One mailbox: the highest shared version known here, when the row was last read, and which versions were this process's writes.</summary>
    private sealed class MailboxVersions
    {
        private readonly Lock gate = new();
        private readonly Queue<(long Shared, long Local)> own = new();
        private long known;
        private long readAt;
        private bool everRead;

        public long Known
        {
            get
            {
                lock (gate)
                {
                    return known;
                }
            }
        }

        public bool DueForRead(TimeProvider time, TimeSpan poll)
        {
            lock (gate)
            {
                return !everRead || time.GetElapsedTime(readAt) >= poll;
            }
        }

        public long Seen(long stored, TimeProvider time)
        {
            lock (gate)
            {
                known = Math.Max(known, stored);
                readAt = time.GetTimestamp();
                everRead = true;
                return known;
            }
        }

        public void Own(long shared, long local, int kept)
        {
            lock (gate)
            {
                known = Math.Max(known, shared);
                own.Enqueue((shared, local));
                if (own.Count > kept)
                {
                    own.Dequeue();
                }
            }
        }

        /// <summary>The local versions behind shared versions (since, until], when each was this process's and they follow one another.</summary>
        public (long Since, long Until)? LocalRange(long since, long until)
        {
            lock (gate)
            {
                if (since >= until)
                {
                    return null;
                }

                long? first = null;
                long last = 0;
                var expected = since + 1;
                foreach (var (shared, local) in own)
                {
                    if (shared <= since || shared > until)
                    {
                        continue;
                    }

                    if (shared != expected || (first is not null && local != last + 1))
                    {
                        return null;
                    }

                    first ??= local;
                    last = local;
                    expected++;
                }

                return first is { } start && expected == until + 1 ? (start - 1, last) : null;
            }
        }
    }
}
