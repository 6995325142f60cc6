using NetworkSync.Domain.Addresses;

namespace NetworkSync.Domain.Relationships.Network;

/// <summary>
/// Groups the user's relationships by organisation, taken as the email domain of the address a person is
/// known under. Left out: the user's own domains (colleagues are not another organisation), consumer
/// domains (<see cref="ConsumerDomains"/>), automated senders and lists, people only ever copied, and
/// the addresses the user muted. An organisation is listed when someone there is at least cool.
/// Warmest ties first; ties by more warm ties, then by domain.
/// </summary>
public static class Organisations
{
    public static IReadOnlyList<OrganisationTie> Of(IEnumerable<ContactSummary> contacts, MailboxIdentity owner, IReadOnlySet<string> muted)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(muted);
        var ownDomains = owner.Addresses.Select(ConsumerDomains.DomainOf).OfType<string>().ToHashSet(StringComparer.Ordinal);
        var byDomain = new Dictionary<string, List<ContactSummary>>(StringComparer.Ordinal);
        foreach (var contact in contacts)
        {
            if (!contact.InDefaultListing || owner.IsOwn(contact.Address) || muted.Contains(contact.Address)
                || ConsumerDomains.DomainOf(contact.Address) is not { } domain || ownDomains.Contains(domain) || ConsumerDomains.Contains(domain))
            {
                continue;
            }

            if (!byDomain.TryGetValue(domain, out var people))
            {
                people = [];
                byDomain.Add(domain, people);
            }

            people.Add(contact);
        }

        var organisations = new List<OrganisationTie>();
        foreach (var (domain, people) in byDomain)
        {
            var warmest = people.OrderByDescending(p => p.Warmth).ThenBy(p => p.Address, StringComparer.Ordinal).First();
            if (warmest.Warmth < WarmthTiers.Cool)
            {
                continue;
            }

            organisations.Add(new OrganisationTie(domain, warmest, people.Count(p => p.Warmth >= WarmthTiers.Warm), people.Count));
        }

        return organisations
            .OrderByDescending(o => o.Warmest.Warmth)
            .ThenByDescending(o => o.WarmTies)
            .ThenBy(o => o.Domain, StringComparer.Ordinal)
            .ToList();
    }
}
