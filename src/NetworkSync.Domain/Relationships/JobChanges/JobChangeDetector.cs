namespace NetworkSync.Domain.Relationships.JobChanges;

/// <summary>
/// Whether one person (the identity rules' merge of their addresses) has moved to a new organisation:
/// their mail now comes from an organisation's domain whose first message is later than the last message
/// from the one before, which has gone quiet since. Consumer domains are not organisations and are left out,
/// so writing from a personal address on the side is never a move; a person writing from both organisations
/// in the same period is not "moved" (a second role, a shared project); two addresses of one organisation
/// (an alias, a subdomain) are one organisation. Only mail the person sent counts, never mail sent to an
/// old address, which says nothing about where they are now.
/// </summary>
public static class JobChangeDetector
{
    public static JobChange? Detect(IEnumerable<SenderSpan> spans)
    {
        ArgumentNullException.ThrowIfNull(spans);
        var organisations = new Dictionary<string, (string Domain, DateTimeOffset First, DateTimeOffset Last, DateTimeOffset DomainLast)>(StringComparer.Ordinal);
        foreach (var span in spans)
        {
            var domain = OrganisationDomain.DomainOf(span.Address);
            if (OrganisationDomain.IsConsumer(domain) || AutomatedSenderClassifier.LooksAutomated(span.Address))
            {
                continue;
            }

            var key = OrganisationDomain.KeyOf(domain);
            if (organisations.TryGetValue(key, out var seen))
            {
                // The organisation is named by the domain it last wrote from.
                var (named, namedLast) = span.Last > seen.DomainLast || (span.Last == seen.DomainLast && string.CompareOrdinal(domain, seen.Domain) < 0)
                    ? (domain, span.Last)
                    : (seen.Domain, seen.DomainLast);
                organisations[key] = (named, Min(seen.First, span.First), Max(seen.Last, span.Last), namedLast);
            }
            else
            {
                organisations[key] = (domain, span.First, span.Last, span.Last);
            }
        }

        if (organisations.Count < 2)
        {
            return null;
        }

        var byLast = organisations.Values.OrderByDescending(o => o.Last).ThenBy(o => o.Domain, StringComparer.Ordinal).ToList();
        var (to, from) = (byLast[0], byLast[1]);

        // Every other organisation must have gone quiet before the new one began: overlap is two at once.
        if (from.Last >= to.First)
        {
            return null;
        }

        var since = to.First.UtcDateTime;
        return new JobChange(OrganisationDomain.NameOf(from.Domain), from.Domain, OrganisationDomain.NameOf(to.Domain), to.Domain, new DateOnly(since.Year, since.Month, 1));
    }

    private static DateTimeOffset Min(DateTimeOffset x, DateTimeOffset y) => x < y ? x : y;

    private static DateTimeOffset Max(DateTimeOffset x, DateTimeOffset y) => x > y ? x : y;
}
