using System.Collections.Concurrent;
using NetworkSync.Domain.Relationships;
using NetworkSync.Storage;
using NetworkSync.Storage.Entities;

namespace NetworkSync.App.Features.Contacts;

/// <summary>
/// Keeps each mailbox's scored contacts for the service, so that reading them again costs nothing.
/// Scores are recomputed when a sync has committed a page since (the database's data version moved),
/// when an override or a setting changed, or when "now" has moved on by a minute; each page shows at
/// the next read.
/// </summary>
public sealed class ContactScoreCache(SqliteDatabase database, ContactListingService scorer)
{
    private readonly ConcurrentDictionary<string, ScoredMailbox> entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> gates = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> invalidations = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<ContactSummary>> GetAsync(MailboxRow mailbox, DateTimeOffset asOf, bool includeAutomated, CancellationToken cancellationToken)
    {
        var all = (await GetEntryAsync(mailbox, asOf, mayAnswerWithPrevious: false, cancellationToken).ConfigureAwait(false)).Contacts;
        return includeAutomated ? all : all.Where(c => c.InDefaultListing).ToList();
    }

    /// <summary>The mailbox's stored activity with every relationship scored at <paramref name="asOf"/> (automated included).</summary>
    public async Task<(MailboxActivity Activity, IReadOnlyList<ContactSummary> Contacts)> GetScoredAsync(MailboxRow mailbox, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var entry = await GetEntryAsync(mailbox, asOf, mayAnswerWithPrevious: false, cancellationToken).ConfigureAwait(false);
        return (entry.Activity, entry.Contacts);
    }

    /// <summary>
    /// The scores for read-mostly API answers. A lone caller gets the same as <see cref="GetScoredAsync"/>
    /// (so a read after a sync or a change sees it), but while another caller is already re-scoring after
    /// a sync or the clock moved, this answers at once with the scoring being replaced instead of queueing
    /// behind a reload of the whole mailbox (hundreds of milliseconds): an add-in waiting on it is worse
    /// off than one shown scores a minute old. After an invalidation (the user changed something) it
    /// always waits, so the user's own change shows.
    /// </summary>
    public Task<ScoredMailbox> GetSnapshotAsync(MailboxRow mailbox, DateTimeOffset asOf, CancellationToken cancellationToken) =>
        GetEntryAsync(mailbox, asOf, mayAnswerWithPrevious: true, cancellationToken);

    /// <summary>Forgets a mailbox's scores (after an override or a setting changed).</summary>
    public void Invalidate(string mailboxId)
    {
        invalidations.AddOrUpdate(mailboxId, 1, static (_, n) => n + 1);
        entries.TryRemove(mailboxId, out _);
    }

    /// <summary>Forgets a mailbox's scores and its warmth model in memory (its data was deleted, all or in part).</summary>
    public void Forget(string mailboxId)
    {
        scorer.Models.Forget(mailboxId);
        Invalidate(mailboxId);
    }

    private async Task<ScoredMailbox> GetEntryAsync(MailboxRow mailbox, DateTimeOffset asOf, bool mayAnswerWithPrevious, CancellationToken cancellationToken)
    {
        var version = database.DataVersion(mailbox.Id);
        var generation = invalidations.GetValueOrDefault(mailbox.Id);
        if (entries.TryGetValue(mailbox.Id, out var entry) && entry.Fresh(version, generation, asOf))
        {
            return entry;
        }

        var gate = gates.GetOrAdd(mailbox.Id, _ => new SemaphoreSlim(1, 1));
        if (mayAnswerWithPrevious && entry is not null && entry.Generation == generation)
        {
            if (!await gate.WaitAsync(0, cancellationToken).ConfigureAwait(false))
            {
                return entry;
            }
        }
        else
        {
            await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        }

        try
        {
            // Read both counters again under the gate, before loading, so that a page committed or a
            // change made while this loads leaves the result stale rather than passing for fresh.
            version = database.DataVersion(mailbox.Id);
            generation = invalidations.GetValueOrDefault(mailbox.Id);
            if (entries.TryGetValue(mailbox.Id, out entry) && entry.Fresh(version, generation, asOf))
            {
                return entry;
            }

            var activity = entry is not null && entry.Version == version && entry.Generation == generation
                ? entry.Activity
                : await scorer.LoadAsync(mailbox, cancellationToken).ConfigureAwait(false);
            var (contacts, model) = scorer.ScoreAll(activity, asOf);
            var fresh = new ScoredMailbox(version, generation, asOf, activity, contacts, model);
            entries[mailbox.Id] = fresh;
            return fresh;
        }
        finally
        {
            gate.Release();
        }
    }
}
