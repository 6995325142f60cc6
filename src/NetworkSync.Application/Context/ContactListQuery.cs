using NetworkSync.Application.Contacts;
using NetworkSync.Domain.Relationships;
using NetworkSync.Storage.Entities;

namespace NetworkSync.Application.Context;

/// <summary>
/// The contact lists of the dashboard (GET /api/contacts): a filter, a case-insensitive search in
/// addresses and names, and a page. Works on the cached scoring, so it costs a pass over a few hundred
/// summaries.
/// </summary>
public sealed class ContactListQuery(PersonIndexCache indexes, TimeProvider time)
{
    public const int DefaultLimit = 50;
    public const int MaxLimit = 200;

    public static bool TryParseFilter(string? text, out ContactListFilter filter)
    {
        filter = text switch
        {
            null or "" or "warmest" => ContactListFilter.Warmest,
            "cooling" => ContactListFilter.Cooling,
            "dormant" => ContactListFilter.Dormant,
            "muted" => ContactListFilter.Muted,
            _ => (ContactListFilter)(-1),
        };
        return Enum.IsDefined(filter);
    }

    public async Task<ContactPage> ListAsync(MailboxRow mailbox, ContactListFilter filter, string? search, int offset, int limit, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(offset);
        ArgumentOutOfRangeException.ThrowIfLessThan(limit, 1);
        var index = await indexes.GetAsync(mailbox, time.GetUtcNow(), cancellationToken).ConfigureAwait(false);
        var term = string.IsNullOrWhiteSpace(search) ? null : search.Trim();
        var matching = Select(index, filter).Where(entry => term is null || Matches(entry.Address, entry.Person, term)).ToList();
        var items = matching.Skip(offset).Take(limit).Select(entry => Item(index, entry.Address, entry.Person)).ToList();
        return new ContactPage(matching.Count, offset, limit, items);
    }

    /// <summary>The listed addresses in order, each with the scored person behind it (none for an address muted before any contact).</summary>
    private static IEnumerable<(string Address, ContactSummary? Person)> Select(PersonIndex index, ContactListFilter filter)
    {
        var contacts = index.Scored.Contacts;
        return filter switch
        {
            ContactListFilter.Cooling => contacts.Where(c => c.Cooling && !c.Automated).Select(c => (c.Address, (ContactSummary?)c)),
            ContactListFilter.Dormant => contacts
                .Where(c => c.Dormant && !c.Automated)
                .OrderByDescending(c => c.WarmthAtLastContact)
                .ThenByDescending(c => c.LastContact)
                .ThenBy(c => c.Address, StringComparer.Ordinal)
                .Select(c => (c.Address, (ContactSummary?)c)),
            ContactListFilter.Muted => index.Muted.Order(StringComparer.Ordinal).Select(address => (address, index.PersonOf(address))),
            _ => contacts.Where(c => c.InDefaultListing).Select(c => (c.Address, (ContactSummary?)c)),
        };
    }

    private static ContactView Item(PersonIndex index, string address, ContactSummary? person)
    {
        if (person is null)
        {
            // An address muted before NetworkSync ever scored it.
            var muted = index.Muted.Contains(address);
            return new ContactView(address, null, 0, WarmthTier.Cold.ToWire(), [], null, null, null, null, false, false, muted, new InteractionCounts(0, 0, 0), []) { Muted = muted };
        }

        // Listed under a muted alias of the person: the other addresses are the rest of theirs.
        var view = ContactView.From(person) with { Muted = PersonIndex.AddressesOf(person).Any(index.Muted.Contains) };
        return address == person.Address ? view : view with { Address = address, OtherAddresses = PersonIndex.AddressesOf(person).Where(a => a != address).ToList() };
    }

    private static bool Matches(string address, ContactSummary? person, string term) =>
        address.Contains(term, StringComparison.OrdinalIgnoreCase)
        || (person is not null
            && ((person.DisplayName?.Contains(term, StringComparison.OrdinalIgnoreCase) ?? false)
                || PersonIndex.AddressesOf(person).Any(a => a.Contains(term, StringComparison.OrdinalIgnoreCase))));
}
