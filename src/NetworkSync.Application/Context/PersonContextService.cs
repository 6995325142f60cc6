using System.Collections.Concurrent;
using NetworkSync.Application.Contacts;
using NetworkSync.Application.Contacts.Organisation;
using NetworkSync.Domain.Relationships;
using NetworkSync.Domain.Relationships.Introductions;
using NetworkSync.Storage.Entities;

namespace NetworkSync.Application.Context;

/// <summary>
/// Answers "who is this to me?" for addresses on an open Outlook item. Reads only the cached index of the
/// current scoring and the cached follow-ups, never the mailbox's messages, so a batch costs microseconds.
/// Addresses are expected normalised (EmailAddressNormalizer); the API checks them first.
/// A known person's answer is composed once and then returned as the same instance for as long as neither
/// the scoring nor the follow-ups change, so the API can keep its serialised form beside it.
/// </summary>
public sealed class PersonContextService(PersonIndexCache indexes, ActiveFollowUpCache followUps, OrganisationIntroductionService organisation, TimeProvider time)
{
    public const int MaxBatch = 100;

    private readonly ConcurrentDictionary<string, ComposedContexts> composed = new(StringComparer.Ordinal);

    /// <summary>One address's context; null when the address is one of the caller's own.</summary>
    public async Task<PersonContext?> GetAsync(MailboxRow mailbox, string address, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var index = await indexes.GetAsync(mailbox, now, cancellationToken).ConfigureAwait(false);
        if (index.IsOwn(address))
        {
            return null;
        }

        var active = await followUps.GetAsync(mailbox.Id, now, cancellationToken).ConfigureAwait(false);
        var colleagues = await organisation.GetViewAsync(mailbox, index, cancellationToken).ConfigureAwait(false);
        return ComposedFor(mailbox.Id, index, active, colleagues).ContextOf(address);
    }

    /// <summary>
    /// Several addresses at once: each once, the caller's own left out, warmest first (on a tie, people
    /// NetworkSync knows before first contacts, then by address).
    /// </summary>
    public async Task<PersonContextBatch> GetManyAsync(MailboxRow mailbox, IEnumerable<string> addresses, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var index = await indexes.GetAsync(mailbox, now, cancellationToken).ConfigureAwait(false);
        var active = await followUps.GetAsync(mailbox.Id, now, cancellationToken).ConfigureAwait(false);
        var colleagues = await organisation.GetViewAsync(mailbox, index, cancellationToken).ConfigureAwait(false);
        var contexts = ComposedFor(mailbox.Id, index, active, colleagues);
        var people = new List<PersonContext>();
        var asked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var address in addresses)
        {
            if (asked.Add(address) && !index.IsOwn(address))
            {
                people.Add(contexts.ContextOf(address));
            }
        }

        people.Sort(static (x, y) =>
        {
            var byWarmth = y.Warmth.CompareTo(x.Warmth);
            var byKnown = y.Known.CompareTo(x.Known);
            return byWarmth != 0 ? byWarmth : byKnown != 0 ? byKnown : string.CompareOrdinal(x.Address, y.Address);
        });
        return new PersonContextBatch(now, people);
    }

    private ComposedContexts ComposedFor(string mailboxId, PersonIndex index, ActiveFollowUps active, OrganisationView colleagues)
    {
        if (composed.TryGetValue(mailboxId, out var current) && current.Matches(index, active, colleagues))
        {
            return current;
        }

        var fresh = new ComposedContexts(index, active, colleagues);
        composed[mailboxId] = fresh;
        return fresh;
    }

    /// <summary>
    /// The answer for <paramref name="address"/>: the person's scores and profile, their open follow-ups, and for a
    /// stranger or a cold or dormant person the best warm path, else the colleagues who know them.
    /// </summary>
    public static PersonContext Compose(string address, PersonProfile profile, ActiveFollowUps followUps, IntroductionIndex? introductions, OrganisationView colleagues)
    {
        ArgumentNullException.ThrowIfNull(colleagues);
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(followUps);
        var others = profile.Addresses.Count == 1 ? [] : profile.Addresses.Where(a => a != address).ToList();
        var fus = followUps.For(profile.Addresses);
        if (profile.Summary is not { } s)
        {
            var strangerPath = profile.Muted ? null : BestPath(address, introductions);
            return new PersonContext(
                address, null, Known: false, 0, WarmthTier.Cold.ToWire(), [], null, null, null, null,
                new PersonFlags(Dormant: false, Cooling: false, FirstContact: true, OwesReply: false, profile.Muted, Automated: profile.Muted),
                new InteractionCounts(0, 0, 0), profile.Timeline, profile.Meetings, fus, others,
                strangerPath, profile.Muted || strangerPath is not null ? [] : Colleagues(address, colleagues), JobChange: null);
        }

        // A warm relationship needs no introduction; a stranger, a cold or a dormant one may.
        var needsPath = !s.Automated && !profile.Muted && (s.Dormant || s.Tier == WarmthTier.Cold.ToWire());
        var path = needsPath ? BestPath(address, introductions) : null;
        return new PersonContext(
            address, s.DisplayName, Known: true, s.Warmth, s.Tier, s.Reasons, s.LastContact, s.LastInbound, s.LastOutbound, s.LastMeeting,
            new PersonFlags(s.Dormant, s.Cooling, FirstContact: false, profile.OwesReply, profile.Muted, s.Automated),
            new InteractionCounts(s.Sent, s.Received, s.Meetings), profile.Timeline, profile.Meetings, fus, others,
            path, needsPath && path is null ? Colleagues(address, colleagues) : [],
            s.Automated || profile.JobChange is null ? null : PersonJobChange.Of(profile.JobChange));
    }

    private static List<OrganisationIntroducerView> Colleagues(string address, OrganisationView colleagues) =>
        colleagues.IsEmpty ? [] : colleagues.Find(address).Select(OrganisationIntroducerView.From).ToList();

    private static PersonWarmPath? BestPath(string address, IntroductionIndex? introductions) =>
        introductions?.Find(address) is [var best, ..] ? new PersonWarmPath(best.Address, best.DisplayName, best.Tier, best.Explanation) : null;
}
