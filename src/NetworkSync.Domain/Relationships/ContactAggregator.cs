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
        var visible = interactions.Where(i => i.At <= asOf).ToList();
        var mergedInto = IdentityResolver.Resolve(visible, options.KeptApart);
        var byContact = new Dictionary<string, Accumulator>(StringComparer.Ordinal);
        foreach (var interaction in visible)
        {
            var key = mergedInto.GetValueOrDefault(interaction.ContactAddress, interaction.ContactAddress);
            if (!byContact.TryGetValue(key, out var accumulator))
            {
                accumulator = new Accumulator();
                byContact.Add(key, accumulator);
            }

            accumulator.Add(interaction, asOf, options.HalfLife);
        }

        var othersOf = mergedInto.GroupBy(m => m.Value, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => (IReadOnlyList<string>)g.Select(m => m.Key).Order(StringComparer.Ordinal).ToList(), StringComparer.Ordinal);

        var result = new List<ContactSummary>(byContact.Count);
        foreach (var (address, a) in byContact)
        {
            var automated = AutomatedSenderClassifier.LooksAutomated(address)
                || (a.Sent == 0 && bulkSenders.Contains(address))
                || (a.Sent == 0 && a.Meetings == 0 && a.Received >= options.OneWayBulkThreshold);
            var reciprocal = (a.Sent > 0 && a.Received > 0) || a.Meetings > 0;

            // A relationship is real (and can go dormant) after two conversations in which both wrote, or a meeting together.
            var real = a.TwoWayConversations >= 2 || a.DirectMeetings > 0;
            var lastContact = Max(Max(a.LastInbound, a.LastOutbound), a.LastMeeting);
            result.Add(new ContactSummary
            {
                Address = address,
                DisplayName = a.DisplayName,
                Warmth = automated ? 0 : WarmthFrom(a.Score, reciprocal),
                LastContact = lastContact,
                LastInbound = a.LastInbound,
                LastOutbound = a.LastOutbound,
                LastMeeting = a.LastMeeting,
                Dormant = !automated && real && lastContact is { } last && asOf - last > options.DormantAfter,
                Automated = automated,
                Sent = a.Sent,
                Received = a.Received,
                Meetings = a.Meetings,
                OtherAddresses = othersOf.GetValueOrDefault(address, []),
            });
        }

        result.Sort(static (x, y) =>
        {
            var byWarmth = y.Warmth.CompareTo(x.Warmth);
            return byWarmth != 0 ? byWarmth : string.CompareOrdinal(x.Address, y.Address);
        });
        return result;
    }

    // One-way traffic keeps a third of its weight: a relationship needs both sides. The scale puts a
    // weekly 1:1 exchange (a decayed score of ~25) near 50 and leaves room above it.
    private static double WarmthFrom(double score, bool reciprocal)
    {
        var effective = reciprocal ? score : score / 3;
        return Math.Round(100 * (1 - Math.Exp(-effective / 36)), 1);
    }

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) =>
        a is null ? b : b is null ? a : a > b ? a : b;

    private sealed class Accumulator
    {
        private static void Remember(ref HashSet<string>? threads, string? conversationId)
        {
            if (conversationId is not null)
            {
                (threads ??= new HashSet<string>(StringComparer.Ordinal)).Add(conversationId);
            }
        }

        public string? DisplayName { get; private set; }

        public int Sent { get; private set; }

        public int Received { get; private set; }

        public int Meetings { get; private set; }

        public DateTimeOffset? LastInbound { get; private set; }

        public DateTimeOffset? LastOutbound { get; private set; }

        public DateTimeOffset? LastMeeting { get; private set; }

        public double Score { get; private set; }

        public int DirectMeetings { get; private set; }

        public int TwoWayConversations => outboundThreads is null || inboundThreads is null ? 0 : outboundThreads.Count(inboundThreads.Contains);

        private HashSet<string>? outboundThreads;
        private HashSet<string>? inboundThreads;

        public void Add(Interaction interaction, DateTimeOffset asOf, TimeSpan halfLife)
        {
            if (!string.IsNullOrWhiteSpace(interaction.ContactName))
            {
                DisplayName ??= interaction.ContactName;
            }

            double weight;
            switch (interaction.Direction)
            {
                case InteractionDirection.Outbound:
                    Sent++;
                    LastOutbound = Max(LastOutbound, interaction.At);
                    Remember(ref outboundThreads, interaction.ConversationId);
                    weight = 1.5;
                    break;
                case InteractionDirection.Inbound:
                    Received++;
                    if (interaction.Direct)
                    {
                        LastInbound = Max(LastInbound, interaction.At);
                        Remember(ref inboundThreads, interaction.ConversationId);
                    }

                    weight = 1.0;
                    break;
                default:
                    Meetings++;
                    if (interaction.Direct)
                    {
                        DirectMeetings++;
                        LastMeeting = Max(LastMeeting, interaction.At);
                    }

                    weight = 2.0;
                    break;
            }

            var ageDays = Math.Max(0, (asOf - interaction.At).TotalDays);
            var decay = Math.Pow(0.5, ageDays / halfLife.TotalDays);
            Score += weight * decay / Math.Sqrt(Math.Max(1, interaction.AudienceSize));
        }
    }
}
