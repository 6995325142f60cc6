namespace NetworkSync.Domain.Relationships;

/// <summary>
/// Folds interactions into per-contact summaries: last-contact dates, counts, a recency-weighted
/// warmth and the dormant flag. Pure and order-independent, so it can be rerun at any time.
/// </summary>
public static class ContactAggregator
{
    public static IReadOnlyList<ContactSummary> Summarize(
        IEnumerable<Interaction> interactions,
        IReadOnlySet<string> bulkSenders,
        DateTimeOffset asOf,
        RelationshipOptions options)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        var index = InteractionIndex.Build(interactions, asOf);
        var mergedInto = IdentityResolver.Resolve(index, options.KeptApart);
        var people = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var group = 0; group < index.Addresses.Count; group++)
        {
            var address = index.Addresses[group];
            var key = mergedInto.GetValueOrDefault(address, address);
            if (!people.TryGetValue(key, out var groups))
            {
                groups = [];
                people.Add(key, groups);
            }

            groups.Add(group);
        }

        var othersOf = mergedInto.GroupBy(m => m.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(m => m.Key).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);

        // Each person is summarised on their own, so the work spreads over the cores.
        var entries = people.ToArray();
        var summaries = new ContactSummary[entries.Length];
        Parallel.For(0, entries.Length, i =>
        {
            var accumulator = new ContactAccumulator();
            foreach (var group in entries[i].Value)
            {
                foreach (var position in index.Of(group))
                {
                    accumulator.Add(index.Source[position], asOf, options.HalfLife);
                }
            }

            accumulator.Finish(asOf);
            summaries[i] = Summarize(entries[i].Key, accumulator, othersOf.GetValueOrDefault(entries[i].Key, []), bulkSenders, asOf, options);
        });

        var result = new List<ContactSummary>(summaries);
        result.Sort(static (x, y) =>
        {
            var byWarmth = y.Warmth.CompareTo(x.Warmth);
            return byWarmth != 0 ? byWarmth : string.CompareOrdinal(x.Address, y.Address);
        });
        return result;
    }

    private static ContactSummary Summarize(
        string address,
        ContactAccumulator a,
        IReadOnlyList<string> otherAddresses,
        IReadOnlySet<string> bulkSenders,
        DateTimeOffset asOf,
        RelationshipOptions options)
    {
        // The user's word beats every signal: muted is never a relationship, marked-as-person always can be.
        var addresses = otherAddresses.Append(address);
        var automated = addresses.Any(x => options.Muted?.Contains(x) ?? false)
            || (!addresses.Any(x => options.MarkedAsPerson?.Contains(x) ?? false)
                && (AutomatedSenderClassifier.LooksAutomated(address)
                    || (a.Sent == 0 && bulkSenders.Contains(address))
                    || (a.Sent == 0 && a.Meetings == 0 && a.Received >= options.OneWayBulkThreshold)));
        var reciprocal = (a.Sent > 0 && a.Received > 0) || a.Meetings > 0;

        // A relationship is real (and can go dormant) after two conversations in which both wrote, or a meeting together.
        var real = a.TwoWayConversations >= 2 || a.DirectMeetings > 0;
        var lastContact = Max(Max(a.LastInbound, a.LastOutbound), a.LastMeeting);
        var silence = lastContact is { } seen ? asOf - seen : TimeSpan.MaxValue;
        var dormant = !automated && real && silence > options.DormantAfter;
        var usualGap = a.UsualGap();
        var cooling = !automated && real && !dormant && usualGap is { } gap
            && silence >= options.CoolingMinimumSilence && silence >= gap * options.CoolingGapMultiple;
        var warmth = automated ? 0 : WarmthFrom(a.Score + (RhythmWeight * a.ActiveMonthsInLastYear(asOf)), reciprocal);

        // Every contribution has decayed by the same factor since the last contact, so undoing that
        // factor gives the tie's strength when it went quiet: how strong a dormant relationship was.
        var quietHalfLives = lastContact is { } quietSince ? Math.Max(0, (asOf - quietSince).TotalDays) / options.HalfLife.TotalDays : 0;
        // Centuries of silence (a date like 1601-01-01) decay the score to 0 and overflow the factor to infinity: 0 × ∞ is NaN.
        var undecayed = a.Score <= 0 ? 0 : a.Score * Math.Pow(2, quietHalfLives);
        var warmthAtLastContact = automated ? 0 : WarmthFrom(double.IsFinite(undecayed) ? undecayed : double.MaxValue, reciprocal);
        return new ContactSummary
        {
            Address = address,
            DisplayName = a.DisplayName,
            Warmth = warmth,
            WarmthAtLastContact = warmthAtLastContact,
            Tier = WarmthTier.Of(warmth),
            Reasons = automated ? ["automated or bulk sender"] : WarmthReasons.For(a, asOf, lastContact, usualGap),
            Cooling = cooling,
            UsualGap = usualGap,
            LastContact = lastContact,
            LastInbound = a.LastInbound,
            LastOutbound = a.LastOutbound,
            LastMeeting = a.LastMeeting,
            Dormant = dormant,
            Automated = automated,
            Sent = a.Sent,
            Received = a.Received,
            Meetings = a.Meetings,
            OtherAddresses = otherAddresses,
        };
    }

    // A steady relationship (in touch month after month) is a stronger tie than the same volume in a burst.
    private const double RhythmWeight = 1.0;

    // One-way traffic keeps a third of its weight: a relationship needs both sides. The scale puts a
    // weekly 1:1 exchange (a decayed score of ~25) near 50 and leaves room above it.
    private static double WarmthFrom(double score, bool reciprocal)
    {
        var effective = reciprocal ? score : score / 3;
        return Math.Round(100 * (1 - Math.Exp(-effective / 36)), 1);
    }

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a > b ? a : b;
}
