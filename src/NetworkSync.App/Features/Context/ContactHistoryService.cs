using System.Globalization;
using NetworkSync.App.Features.Contacts;
using NetworkSync.Domain.Relationships;
using NetworkSync.Domain.Relationships.Model;
using NetworkSync.Storage.Entities;

namespace NetworkSync.App.Features.Context;

/// <summary>
/// A relationship month by month. The counts come from the cached per-address activity; the warmth at
/// each month's end is the relationship model itself (<see cref="ContactAggregator"/>) rerun on this one
/// person's interactions up to that moment, so it matches what the scores said then, for the cost of a
/// few hundred interactions rather than the whole mailbox.
/// </summary>
public sealed class ContactHistoryService(PersonIndexCache indexes, ContactListingService scorer, TimeProvider time)
{
    public const int Months = 24;

    /// <summary>
    /// The history of the person behind <paramref name="address"/>. Someone NetworkSync has never seen has
    /// a flat one (every month zero), as their context is a first contact rather than an error.
    /// </summary>
    public async Task<ContactHistory> GetAsync(MailboxRow mailbox, string address, CancellationToken cancellationToken)
    {
        var index = await indexes.GetAsync(mailbox, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return index.PersonOf(address) is { } person
            ? Build(index, person, scorer.OptionsFor(index.Scored.Activity), index.Scored.Model)
            : new ContactHistory(address, MonthsEndingAt(index.AsOf).Select(m => new HistoryMonth(m, 0, 0, 0, 0)).ToList());
    }

    private static IEnumerable<string> MonthsEndingAt(DateTimeOffset asOf)
    {
        var thisMonth = new DateTimeOffset(asOf.UtcDateTime.Year, asOf.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero);
        for (var back = Months - 1; back >= 0; back--)
        {
            yield return thisMonth.AddMonths(-back).ToString("yyyy-MM", CultureInfo.InvariantCulture);
        }
    }

    /// <summary>Works out the months from an index, with the mailbox's relationship rules.</summary>
    public static ContactHistory Build(PersonIndex index, ContactSummary person, RelationshipOptions options, WarmthModel? model = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(options);
        var asOf = index.AsOf;
        var addresses = PersonIndex.AddressesOf(person);

        // Every interaction is counted under the person's main address, so the model scores one person
        // and merges nothing; the user's corrections on any of their addresses apply to that address.
        var touches = new List<ContactTouch>();
        foreach (var address in addresses)
        {
            foreach (var touch in index.Activity.Of(address))
            {
                if (touch.VisibleAt <= asOf)
                {
                    touches.Add(touch with { Interaction = touch.Interaction with { ContactAddress = person.Address } });
                }
            }
        }

        var personOptions = options with
        {
            Muted = addresses.Any(a => options.Muted?.Contains(a) ?? false) ? new HashSet<string>(StringComparer.Ordinal) { person.Address } : null,
            MarkedAsPerson = addresses.Any(a => options.MarkedAsPerson?.Contains(a) ?? false) ? new HashSet<string>(StringComparer.Ordinal) { person.Address } : null,
            KeptApart = null,
        };

        var thisMonth = new DateTimeOffset(asOf.UtcDateTime.Year, asOf.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero);
        var months = new List<HistoryMonth>(Months);
        for (var back = Months - 1; back >= 0; back--)
        {
            var start = thisMonth.AddMonths(-back);
            var end = start.AddMonths(1);
            var at = end <= asOf ? end.AddTicks(-1) : asOf;
            int sent = 0, received = 0, meetings = 0;
            var upToThen = new List<Interaction>();
            foreach (var touch in touches)
            {
                // Counted in the month it happened (a meeting: the month it started, once it has ended).
                var happened = touch.Interaction.At;
                if (happened >= start && happened < end)
                {
                    switch (touch.Interaction.Direction)
                    {
                        case InteractionDirection.Outbound: sent++; break;
                        case InteractionDirection.Inbound: received++; break;
                        default: meetings++; break;
                    }
                }

                if (touch.VisibleAt <= at)
                {
                    upToThen.Add(touch.Interaction);
                }
            }

            var warmth = upToThen.Count == 0 ? 0 : ContactAggregator.Summarize(upToThen, index.Scored.Activity.BulkSenders, at, personOptions, model).Single().Warmth;
            months.Add(new HistoryMonth(start.ToString("yyyy-MM", CultureInfo.InvariantCulture), sent, received, meetings, warmth));
        }

        return new ContactHistory(person.Address, months);
    }
}
