using NetworkSync.Domain.Relationships.Model;

namespace NetworkSync.Domain.Relationships;

/// <summary>
/// Folds interactions into per-contact summaries: last-contact dates, counts, warmth (the warmth
/// model's probability of contact within 90 days) and the dormant flag. Pure and order-independent,
/// so it can be rerun at any time.
/// </summary>
public static class ContactAggregator
{
    public static IReadOnlyList<ContactSummary> Summarize(
        IEnumerable<Interaction> interactions,
        IReadOnlySet<string> bulkSenders,
        DateTimeOffset asOf,
        RelationshipOptions options,
        WarmthModel? model = null)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        ArgumentNullException.ThrowIfNull(options);
        model ??= WarmthModel.BuiltIn;
        var index = InteractionIndex.Build(interactions, asOf);
        var identity = IdentityResolver.Resolve(index, options.KeptApart, options.ConfirmedMerges, options.Directory);
        var mergedInto = identity.MergedInto;
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
            var expected = 0;
            foreach (var group in entries[i].Value)
            {
                expected += index.Of(group).Length;
            }

            var others = othersOf.GetValueOrDefault(entries[i].Key, []);
            var groups = entries[i].Value;
            summaries[i] = Person(
                entries[i].Key,
                others,
                others.Select(o => $"{o}: {identity.Because[o]}").ToList(),
                expected,
                sink =>
                {
                    foreach (var group in groups)
                    {
                        foreach (var position in index.Of(group))
                        {
                            sink.Add(in index[position]);
                        }
                    }
                },
                bulkSenders,
                asOf,
                options,
                model);
        });

        var result = new List<ContactSummary>(summaries);
        result.Sort(static (x, y) =>
        {
            var byWarmth = y.Warmth.CompareTo(x.Warmth);
            return byWarmth != 0 ? byWarmth : string.CompareOrdinal(x.Address, y.Address);
        });
        return result;
    }

    /// <summary>
    /// One person's summary, exactly as <see cref="Summarize(IEnumerable{Interaction}, IReadOnlySet{string}, DateTimeOffset, RelationshipOptions, WarmthModel?)"/>
    /// gives it when identity resolution left them with <paramref name="otherAddresses"/>: what an
    /// incremental rescore recomputes for the people a synced page touched (see <see cref="IncrementalContactScores"/>).
    /// Interactions after <paramref name="asOf"/> are left out, as the whole-mailbox summary leaves them out.
    /// </summary>
    public static ContactSummary SummarizePerson(
        string address,
        IReadOnlyList<string> otherAddresses,
        IReadOnlyList<string> mergeReasons,
        IReadOnlyList<Interaction> interactions,
        IReadOnlySet<string> bulkSenders,
        DateTimeOffset asOf,
        RelationshipOptions options,
        WarmthModel model)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        return Person(
            address,
            otherAddresses,
            mergeReasons,
            interactions.Count,
            sink =>
            {
                foreach (var interaction in interactions)
                {
                    if (interaction.At <= asOf)
                    {
                        sink.Add(in interaction);
                    }
                }
            },
            bulkSenders,
            asOf,
            options,
            model);
    }

    /// <summary>One person from every interaction <paramref name="feed"/> adds (twice, for dormant people): the one code path both summaries share.</summary>
    private static ContactSummary Person(
        string key,
        IReadOnlyList<string> others,
        IReadOnlyList<string> mergeReasons,
        int expected,
        Action<IInteractionSink> feed,
        IReadOnlySet<string> bulkSenders,
        DateTimeOffset asOf,
        RelationshipOptions options,
        WarmthModel model)
    {
        var accumulator = new ContactAccumulator(asOf, expected);
        feed(accumulator);
        accumulator.Finish();
        var summary = Summarize(key, accumulator, others, bulkSenders, asOf, options, model) with { MergeReasons = mergeReasons };

        // How strong a dormant tie was when it went quiet (what reconnect suggestions and the dormant
        // list rank by): the features as they stood at the last direct contact, from a second pass
        // over that person's interactions. Only dormant people need it, so only they pay for it.
        if (summary.Dormant && summary.LastContact is { } quietSince)
        {
            var then = new FeatureAccumulator(quietSince);
            feed(then);
            summary = summary with { WarmthAtLastContact = Math.Max(summary.Warmth, model.Warmth(then.Features())) };
        }

        return summary;
    }

    private static ContactSummary Summarize(
        string address,
        ContactAccumulator a,
        IReadOnlyList<string> otherAddresses,
        IReadOnlySet<string> bulkSenders,
        DateTimeOffset asOf,
        RelationshipOptions options,
        WarmthModel model)
    {
        // The user's word beats every signal: muted is never a relationship, marked-as-person always can be.
        var addresses = otherAddresses.Append(address);
        var automated = addresses.Any(x => options.Muted?.Contains(x) ?? false)
            || (!addresses.Any(x => options.MarkedAsPerson?.Contains(x) ?? false)
                && (AutomatedSenderClassifier.LooksAutomated(address)
                    || (a.Sent == 0 && bulkSenders.Contains(address))
                    || (a.Sent == 0 && a.Meetings == 0 && a.Received >= options.OneWayBulkThreshold)));
        var copiedOnly = a.Sent == 0 && a.Received == 0 && a.Meetings == 0;

        // Real (can go dormant): two conversations in which both wrote, two weeks in which mail without
        // conversation ids was answered, or a meeting together. Thread ids alone must not decide it.
        var real = a.TwoWayConversations >= ScoringRules.RealAfterTwoWayConversations || a.AnsweredWeeksWithoutThreads >= ScoringRules.RealAfterTwoWayConversations || a.DirectMeetings > 0;
        var lastContact = a.LastDirectContact;
        var silence = lastContact is { } seen ? asOf - seen : TimeSpan.MaxValue;
        var dormant = !automated && real && silence > options.DormantAfter;
        var usualGap = a.UsualGap();
        var cooling = !automated && real && !dormant && usualGap is { } gap
            && silence >= options.CoolingMinimumSilence && silence >= gap * options.CoolingGapMultiple;
        var features = a.Features.Features();
        var warmth = automated ? 0 : model.Warmth(features);

        return new ContactSummary
        {
            Address = address,
            DisplayName = a.DisplayName,
            Warmth = warmth,
            Probability = automated ? 0 : model.Probability(features),
            WarmthAtLastContact = warmth,
            Tier = WarmthTiers.Of(warmth).ToWire(),
            Reasons = automated ? ["automated or bulk sender"] : WarmthReasons.For(a, model.Contributions(features), asOf, lastContact, usualGap),
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
            CopiedOnly = copiedOnly,
        };
    }

}
