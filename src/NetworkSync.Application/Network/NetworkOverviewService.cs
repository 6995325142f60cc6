using System.Globalization;
using System.Runtime.CompilerServices;
using NetworkSync.Application.Contacts;
using NetworkSync.Application.Context;
using NetworkSync.Domain.Relationships;
using NetworkSync.Domain.Relationships.Network;
using NetworkSync.Storage;
using NetworkSync.Storage.Entities;

namespace NetworkSync.Application.Network;

/// <summary>
/// The wider network (issue 13, item 3) from the current scoring: active relationships by tier and ties
/// gained and lost month by month (each person's <see cref="WarmthHistory"/>, summed by
/// <see cref="NetworkTrend"/>), organisations, weak ties, "you owe a reply" (<see cref="PersonProfile.OwesReply"/>)
/// and "waiting on them" (<see cref="AwaitingReply"/>, with the caller's own number of days). The months
/// rerun the model per person and month, so all but the last list are worked out once per scoring and kept
/// with it; the last is filtered per request, as its threshold is a setting.
/// </summary>
public sealed class NetworkOverviewService(PersonIndexCache indexes, ContactListingService scorer, MailboxSettingsStore settings, TimeProvider time)
{
    /// <summary>How many entries each list shows, warmest or most pressing first.</summary>
    public const int ListLength = 25;

    private readonly ConditionalWeakTable<PersonIndex, Lazy<NetworkSnapshot>> snapshots = [];

    public async Task<NetworkOverview> GetAsync(MailboxRow mailbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mailbox);
        var index = await indexes.GetAsync(mailbox, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var row = await settings.GetAsync(mailbox.Id, cancellationToken).ConfigureAwait(false);
        var waitingDays = row.WaitingDays ?? AwaitingReply.DefaultDays;
        var snapshot = snapshots.GetValue(index, i => new Lazy<NetworkSnapshot>(() => Build(i, scorer.OptionsFor(i.Scored.Activity)), LazyThreadSafetyMode.ExecutionAndPublication)).Value;
        var after = TimeSpan.FromDays(waitingDays);
        var waiting = snapshot.WaitCandidates
            .Where(c => AwaitingReply.Waiting(c.Person.Automated, c.OwnerLatest, c.TheirLatest, index.AsOf, after))
            .OrderBy(c => c.OwnerLatest)
            .ThenBy(c => c.Person.Address, StringComparer.Ordinal)
            .Take(ListLength)
            .Select(c => NetworkPersonView.From(c.Person, c.OwnerLatest))
            .ToList();
        return new NetworkOverview(index.AsOf, snapshot.Months, snapshot.Organisations, snapshot.WeakTies, snapshot.OwesReply, waiting, waitingDays);
    }

    /// <summary>Works out everything but the waiting list's filter from one index (internal: the tests time and compare it).</summary>
    internal static NetworkSnapshot Build(PersonIndex index, RelationshipOptions options)
    {
        var asOf = index.AsOf;
        var bulk = index.Scored.Activity.BulkSenders;
        var people = index.Scored.Contacts.Where(c => c.InDefaultListing && !PersonIndex.AddressesOf(c).Any(index.Muted.Contains)).ToList();
        var windowStart = WarmthHistory.MonthsEndingAt(asOf).First();

        var histories = new IReadOnlyList<WarmthMonth>[people.Count];
        var before = new double[people.Count];
        var waitCandidates = new List<WaitCandidate>();
        var owes = new List<(ContactSummary Person, DateTimeOffset? Since)>();
        for (var p = 0; p < people.Count; p++)
        {
            var person = people[p];
            var addresses = PersonIndex.AddressesOf(person);
            var touches = new List<VisibleInteraction>();
            DateTimeOffset? ownerLatest = null;
            DateTimeOffset? theirLatest = null;
            DateTimeOffset? theirAsk = null;
            foreach (var address in addresses)
            {
                foreach (var touch in index.Activity.Of(address))
                {
                    touches.Add(new VisibleInteraction(touch.Interaction, touch.VisibleAt));
                    if (touch.VisibleAt > asOf)
                    {
                        continue;
                    }

                    var at = touch.Interaction.At;
                    if (AwaitingReply.AsksThem(touch.Interaction) && (ownerLatest is null || at > ownerLatest))
                    {
                        ownerLatest = at;
                    }

                    if (AwaitingReply.IsFromThem(touch.Interaction) && (theirLatest is null || at > theirLatest))
                    {
                        theirLatest = at;
                    }

                    if (ReplyDebt.AsksForReply(touch.Interaction) && (theirAsk is null || at > theirAsk))
                    {
                        theirAsk = at;
                    }
                }
            }

            histories[p] = WarmthHistory.Of(person.Address, addresses, touches, bulk, asOf, options, index.Scored.Model);
            before[p] = WarmthHistory.WarmthAt(person.Address, addresses, touches, bulk, windowStart.AddTicks(-1), options, index.Scored.Model);
            if (ownerLatest is { } mine)
            {
                waitCandidates.Add(new WaitCandidate(person, mine, theirLatest));
            }

            if (index.ProfileOf(person.Address).OwesReply)
            {
                owes.Add((person, theirAsk));
            }
        }

        var months = NetworkTrend.Of(histories, before)
            .Select(m => new NetworkMonthView(m.Start.ToString("yyyy-MM", CultureInfo.InvariantCulture), m.Hot, m.Warm, m.Cool, m.Gained, m.Lost))
            .ToList();
        var organisations = Organisations.Of(people, index.Scored.Activity.Owner, index.Muted)
            .Take(ListLength)
            .Select(o => new OrganisationView(o.Domain, NetworkPersonView.From(o.Warmest), o.WarmTies, o.People, o.HangsOnOneTie))
            .ToList();
        var weakTies = WeakTies.Of(people, asOf, index.Muted).Take(ListLength).Select(p => NetworkPersonView.From(p)).ToList();
        var owesReply = owes.OrderByDescending(o => o.Since).ThenBy(o => o.Person.Address, StringComparer.Ordinal).Take(ListLength).Select(o => NetworkPersonView.From(o.Person, o.Since)).ToList();
        return new NetworkSnapshot(months, organisations, weakTies, owesReply, waitCandidates);
    }
}
