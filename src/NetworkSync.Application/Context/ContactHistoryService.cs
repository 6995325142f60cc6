using System.Globalization;
using NetworkSync.Application.Contacts;
using NetworkSync.Domain.Relationships;
using NetworkSync.Domain.Relationships.Model;
using NetworkSync.Storage.Entities;

namespace NetworkSync.Application.Context;

/// <summary>
/// A relationship month by month (<see cref="WarmthHistory"/>), from the cached per-address activity and
/// the mailbox's cached scores; this service only loads them and shapes the answer.
/// </summary>
public sealed class ContactHistoryService(PersonIndexCache indexes, ContactListingService scorer, TimeProvider time)
{
    public const int Months = WarmthHistory.Months;

    /// <summary>
    /// The history of the person behind <paramref name="address"/>. Someone NetworkSync has never seen has
    /// a flat one (every month zero), as their context is a first contact rather than an error.
    /// </summary>
    public async Task<ContactHistory> GetAsync(MailboxRow mailbox, string address, CancellationToken cancellationToken)
    {
        var index = await indexes.GetAsync(mailbox, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        return index.PersonOf(address) is { } person
            ? Build(index, person, scorer.OptionsFor(index.Scored.Activity), index.Scored.Model)
            : new ContactHistory(address, WarmthHistory.MonthsEndingAt(index.AsOf).Select(m => new HistoryMonth(MonthName(m), 0, 0, 0, 0)).ToList());
    }

    /// <summary>Works out the months from an index, with the mailbox's relationship rules.</summary>
    public static ContactHistory Build(PersonIndex index, ContactSummary person, RelationshipOptions options, WarmthModel? model = null)
    {
        ArgumentNullException.ThrowIfNull(index);
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(options);
        var addresses = PersonIndex.AddressesOf(person);
        var touches = new List<VisibleInteraction>();
        foreach (var address in addresses)
        {
            foreach (var touch in index.Activity.Of(address))
            {
                touches.Add(new VisibleInteraction(touch.Interaction, touch.VisibleAt));
            }
        }

        var months = WarmthHistory.Of(person.Address, addresses, touches, index.Scored.Activity.BulkSenders, index.AsOf, options, model);
        return new ContactHistory(person.Address, months.Select(m => new HistoryMonth(MonthName(m.Start), m.Sent, m.Received, m.Meetings, m.Warmth)).ToList());
    }

    private static string MonthName(DateTimeOffset start) => start.ToString("yyyy-MM", CultureInfo.InvariantCulture);
}
