using System.Collections.Concurrent;
using NetworkSync.Domain.Relationships;
using NetworkSync.Storage;
using NetworkSync.Storage.Entities;

namespace NetworkSync.App.Features.Contacts;

/// <summary>
/// Keeps each mailbox's scored contacts for the service, so that reading them again costs nothing.
/// Scores are recomputed when a sync has committed a page since (the database's data version moved),
/// when an override changed, or when "now" has moved on by a minute; each page shows at the next read.
/// </summary>
public sealed class ContactScoreCache(SqliteDatabase database, ContactListingService scorer)
{
    private static readonly TimeSpan ClockResolution = TimeSpan.FromMinutes(1);
    private readonly ConcurrentDictionary<string, Entry> entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> gates = new(StringComparer.Ordinal);

    public async Task<IReadOnlyList<ContactSummary>> GetAsync(MailboxRow mailbox, DateTimeOffset asOf, bool includeAutomated, CancellationToken cancellationToken)
    {
        var all = (await GetEntryAsync(mailbox, asOf, cancellationToken).ConfigureAwait(false)).Contacts;
        return includeAutomated ? all : all.Where(c => !c.Automated).ToList();
    }

    /// <summary>The mailbox's stored activity with every relationship scored at <paramref name="asOf"/> (automated included).</summary>
    public async Task<(MailboxActivity Activity, IReadOnlyList<ContactSummary> Contacts)> GetScoredAsync(MailboxRow mailbox, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var entry = await GetEntryAsync(mailbox, asOf, cancellationToken).ConfigureAwait(false);
        return (entry.Activity, entry.Contacts);
    }

    /// <summary>Forgets a mailbox's scores (after an override changed).</summary>
    public void Invalidate(string mailboxId) => entries.TryRemove(mailboxId, out _);

    private async Task<Entry> GetEntryAsync(MailboxRow mailbox, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var version = database.DataVersion(mailbox.Id);
        if (entries.TryGetValue(mailbox.Id, out var entry) && entry.Fresh(version, asOf))
        {
            return entry;
        }

        var gate = gates.GetOrAdd(mailbox.Id, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (entries.TryGetValue(mailbox.Id, out entry) && entry.Fresh(version, asOf))
            {
                return entry;
            }

            var activity = entry is not null && entry.Version == version
                ? entry.Activity
                : await scorer.LoadAsync(mailbox, cancellationToken).ConfigureAwait(false);
            var contacts = scorer.Score(activity, asOf, includeAutomated: true);
            var fresh = new Entry(version, asOf, activity, contacts);
            entries[mailbox.Id] = fresh;
            return fresh;
        }
        finally
        {
            gate.Release();
        }
    }

    private sealed record Entry(long Version, DateTimeOffset AsOf, MailboxActivity Activity, IReadOnlyList<ContactSummary> Contacts)
    {
        public bool Fresh(long version, DateTimeOffset asOf) => Version == version && (asOf - AsOf).Duration() < ClockResolution;
    }
}
