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
        var all = await GetAllAsync(mailbox, asOf, cancellationToken).ConfigureAwait(false);
        return includeAutomated ? all : all.Where(c => !c.Automated).ToList();
    }

    /// <summary>Forgets a mailbox's scores (after an override changed).</summary>
    public void Invalidate(string mailboxId) => entries.TryRemove(mailboxId, out _);

    private async Task<IReadOnlyList<ContactSummary>> GetAllAsync(MailboxRow mailbox, DateTimeOffset asOf, CancellationToken cancellationToken)
    {
        var version = database.DataVersion(mailbox.Id);
        if (entries.TryGetValue(mailbox.Id, out var entry) && entry.Fresh(version, asOf))
        {
            return entry.Contacts;
        }

        var gate = gates.GetOrAdd(mailbox.Id, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (entries.TryGetValue(mailbox.Id, out entry) && entry.Fresh(version, asOf))
            {
                return entry.Contacts;
            }

            var activity = entry is not null && entry.Version == version
                ? entry.Activity
                : await scorer.LoadAsync(mailbox, cancellationToken).ConfigureAwait(false);
            var contacts = scorer.Score(activity, asOf, includeAutomated: true);
            entries[mailbox.Id] = new Entry(version, asOf, activity, contacts);
            return contacts;
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
