namespace NetworkSync.Domain.Relationships.Network;

/// <summary>
/// "People you already kind of know": two-way ties that are weak but alive, worth strengthening. A person
/// is one when mail has gone both ways (they wrote to the user and the user wrote to them, directly), their
/// warmth is below warm (cool or cold), the last direct contact is within <see cref="RecentWithin"/>, and
/// they are not automated, not only ever copied, not dormant and not muted. Warmest first (closest to
/// becoming a real tie), then the most recent contact, then by address.
/// </summary>
public static class WeakTies
{
    /// <summary>How recent the last contact must be.</summary>
    public static readonly TimeSpan RecentWithin = TimeSpan.FromDays(90);

    public static bool IsWeakTie(ContactSummary contact, DateTimeOffset asOf, bool muted)
    {
        ArgumentNullException.ThrowIfNull(contact);
        return contact.InDefaultListing
            && !muted
            && !contact.Dormant
            && contact.LastInbound is not null
            && contact.LastOutbound is not null
            && contact.Warmth < WarmthTiers.Warm
            && contact.LastContact is { } last
            && asOf - last <= RecentWithin;
    }

    public static IReadOnlyList<ContactSummary> Of(IEnumerable<ContactSummary> contacts, DateTimeOffset asOf, IReadOnlySet<string> muted)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        ArgumentNullException.ThrowIfNull(muted);
        return contacts
            .Where(c => IsWeakTie(c, asOf, muted.Contains(c.Address)))
            .OrderByDescending(c => c.Warmth)
            .ThenByDescending(c => c.LastContact)
            .ThenBy(c => c.Address, StringComparer.Ordinal)
            .ToList();
    }
}
