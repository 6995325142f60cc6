using System.Collections.Concurrent;
using NetworkSync.Application.Context;
using NetworkSync.Domain.Relationships.Introductions;
using NetworkSync.Storage;
using NetworkSync.Storage.Entities;

namespace NetworkSync.Application.Contacts.Organisation;

/// <summary>
/// "Someone in your organisation knows them": the other synced mailboxes of this NetworkSync (it syncs one
/// tenant, so they are the caller's colleagues) whose owners agreed to be suggested as introducers, asked with
/// each one's own scoring (<see cref="OrganisationIntroductionFinder"/>). Consent is read from the colleague's
/// own settings row, never from anything the caller sends. The consent list and each caller's
/// <see cref="OrganisationView"/> are kept; <see cref="Invalidate"/> (an opt-in or opt-out, a mailbox's data
/// deleted) drops both, so the next answer already reflects it.
/// </summary>
public sealed class OrganisationIntroductionService(
    OrganisationIntroductionOptions options,
    MailboxStore mailboxes,
    MailboxSettingsStore settings,
    PersonIndexCache indexes,
    TimeProvider time)
{
    private readonly ConcurrentDictionary<string, OrganisationView> views = new(StringComparer.Ordinal);
    private Consent? consent;
    private long invalidations;

    public bool Enabled => options.Enabled;

    /// <summary>The caller's view of the colleagues who may be suggested, over the caller's current <paramref name="callerIndex"/>.</summary>
    public async Task<OrganisationView> GetViewAsync(MailboxRow caller, PersonIndex callerIndex, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(callerIndex);
        if (!options.Enabled)
        {
            return OrganisationView.None;
        }

        var before = Interlocked.Read(ref invalidations);
        var introducers = await ConsentAsync(before, cancellationToken).ConfigureAwait(false);
        var colleagues = new List<(string Id, string Name, PersonIndex Index)>();
        foreach (var colleague in introducers)
        {
            if (!string.Equals(colleague.Id, caller.Id, StringComparison.OrdinalIgnoreCase))
            {
                colleagues.Add((colleague.Id, colleague.DisplayName ?? colleague.Mail, await indexes.GetAsync(colleague, callerIndex.AsOf, cancellationToken).ConfigureAwait(false)));
            }
        }

        if (views.TryGetValue(caller.Id, out var kept) && kept.Matches(callerIndex, colleagues))
        {
            return kept;
        }

        var fresh = OrganisationView.Of(callerIndex, colleagues, options.MaxResults);

        // A view read while consent was changing may hold the colleague who just opted out: answer with it
        // once (the request began before the change), but never keep it.
        if (Interlocked.Read(ref invalidations) == before)
        {
            views[caller.Id] = fresh;
            if (Interlocked.Read(ref invalidations) != before)
            {
                views.TryRemove(new KeyValuePair<string, OrganisationView>(caller.Id, fresh));
            }
        }

        return fresh;
    }

    /// <summary>Who in the organisation knows <paramref name="target"/> (normalised), best first; empty when the feature is off.</summary>
    public async Task<IReadOnlyList<OrganisationIntroducer>> FindAsync(MailboxRow caller, string target, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (!options.Enabled)
        {
            return [];
        }

        var index = await indexes.GetAsync(caller, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return (await GetViewAsync(caller, index, cancellationToken).ConfigureAwait(false)).Find(target);
    }

    /// <summary>Forgets every kept consent list and view: after an opt-in or opt-out, or a mailbox's data was deleted.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref invalidations);
        consent = null;
        views.Clear();
    }

    private async Task<IReadOnlyList<MailboxRow>> ConsentAsync(long generation, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        if (consent is { } kept && kept.Generation == generation && now - kept.ReadAt < TimeSpan.FromSeconds(options.ConsentRefreshSeconds))
        {
            return kept.Introducers;
        }

        var agreed = (await settings.ListSuggestableIntroducersAsync(cancellationToken).ConfigureAwait(false)).ToHashSet(StringComparer.Ordinal);
        var introducers = agreed.Count == 0
            ? []
            : (await mailboxes.ListMailboxesAsync(cancellationToken).ConfigureAwait(false)).Where(m => agreed.Contains(m.Id)).OrderBy(m => m.Id, StringComparer.Ordinal).ToList();
        if (Interlocked.Read(ref invalidations) == generation)
        {
            consent = new Consent(introducers, now, generation);
        }

        return introducers;
    }

    private sealed record Consent(IReadOnlyList<MailboxRow> Introducers, DateTimeOffset ReadAt, long Generation);
}
