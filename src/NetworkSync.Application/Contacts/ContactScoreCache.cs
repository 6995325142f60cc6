using System.Collections.Concurrent;
using NetworkSync.Domain.Relationships;
using NetworkSync.Storage;
using NetworkSync.Storage.Coordination;
using NetworkSync.Storage.Entities;

namespace NetworkSync.Application.Contacts;

/// <summary>
/// Keeps each mailbox's scored contacts for the service, so that reading them again costs nothing.
/// Scores are recomputed when a sync has committed a page since (the database's data version moved),
/// when an override or a setting changed, or when "now" has moved on by a minute; each page shows at
/// the next read. After a page, within the minute, only the people the page touched are rescored
/// (see <see cref="IncrementalContactScores"/>), at the same "now" and with the same model; whatever
/// that cannot do exactly is recomputed in full. The data version is the one shared by the instances on the
/// database (<see cref="SharedDataVersions"/>): a page another instance synced shows within a second, through
/// a full recompute, since only this process's own pages are known row by row.
/// </summary>
public sealed class ContactScoreCache(SharedDataVersions versions, MetadataReader reader, ContactListingService scorer)
{
    private long incrementalRescores;
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

    /// <summary>How many times scores were brought up to date by rescoring only the people synced pages touched (tests and the bench read it).</summary>
    public long IncrementalRescores => Interlocked.Read(ref incrementalRescores);

    /// <summary>Forgets a mailbox's scores (after an override or a setting changed).</summary>
    /// <summary>As <see cref="Invalidate"/>, and tells the other instances on the database to recompute too (an override or a setting changed).</summary>
    public async Task InvalidateEverywhereAsync(string mailboxId, CancellationToken cancellationToken)
    {
        Invalidate(mailboxId);
        await versions.AnnounceAsync(mailboxId, cancellationToken).ConfigureAwait(false);
    }

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
        var version = await versions.CurrentAsync(mailbox.Id, cancellationToken).ConfigureAwait(false);
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
            version = await versions.CurrentAsync(mailbox.Id, cancellationToken).ConfigureAwait(false);
            generation = invalidations.GetValueOrDefault(mailbox.Id);
            if (entries.TryGetValue(mailbox.Id, out entry) && entry.Fresh(version, generation, asOf))
            {
                return entry;
            }

            if (entry is not null && entry.Generation == generation && entry.Version != version && entry.SameMinute(asOf)
                && await RescoreTouchedAsync(mailbox, entry, version, cancellationToken).ConfigureAwait(false) is { } rescored)
            {
                entries[mailbox.Id] = rescored;
                Interlocked.Increment(ref incrementalRescores);
                return rescored;
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

    /// <summary>
    /// Applies the pages committed since <paramref name="entry"/> to it and rescores only the people
    /// they touched, at the entry's "now" and with its model; null when that would not give exactly
    /// what a full recompute from the database gives, and the caller recomputes in full:
    /// <list type="bullet">
    /// <item>a write since did not say what it changed (a sweep, retention, a deletion of forgotten
    /// addresses; or writes too long ago), so the delta is unknown;</item>
    /// <item>the page could merge or split a person (see <see cref="IncrementalContactScores.Apply"/>);</item>
    /// <item>the model is not the one the entry scored with, or would be refitted (history grew or
    /// shrank by a fifth, a day passed): a full recompute is what starts the refit.</item>
    /// </list>
    /// Overrides and settings changes never come here: they invalidate, which recomputes.
    /// </summary>
    private async Task<ScoredMailbox?> RescoreTouchedAsync(MailboxRow mailbox, ScoredMailbox entry, long version, CancellationToken cancellationToken)
    {
        if (versions.ChangesBetween(mailbox.Id, entry.Version, version) is not { } change)
        {
            return null;
        }

        // The state moves on to the new scoring; the entry left behind keeps its own lists untouched.
        var state = entry.Incremental ?? new IncrementalContactScores(
            entry.Activity.Owner, entry.Activity.Messages, entry.Activity.Events, entry.AsOf, scorer.OptionsFor(entry.Activity), entry.Model, entry.Contacts);
        entry.Incremental = null;

        // Read back as now stored: a partial update is merged, a removal may not have applied (the
        // message moved), forgotten addresses are cut out. An id not found is a removed row.
        var messages = await reader.ReadMessagesAsync(mailbox.Id, change.MessageIds, cancellationToken).ConfigureAwait(false);
        var events = await reader.ReadEventsAsync(mailbox.Id, change.EventIds, cancellationToken).ConfigureAwait(false);
        var removedMessages = change.MessageIds.Except(messages.Select(m => m.Id), StringComparer.Ordinal).ToList();
        var removedEvents = change.EventIds.Except(events.Select(e => e.Id), StringComparer.Ordinal).ToList();
        if (!state.Apply(messages, removedMessages, events, removedEvents)
            || !ReferenceEquals(scorer.Models.Current(mailbox.Id, state.InteractionCount, entry.AsOf), entry.Model))
        {
            return null;
        }

        var activity = entry.Activity with { Messages = state.Messages, Events = state.Events, BulkSenders = state.BulkSenders };
        return new ScoredMailbox(version, entry.Generation, entry.AsOf, activity, state.Contacts, entry.Model) { Incremental = state };
    }
}
