using NetworkSync.Domain.Relationships.Model;

namespace NetworkSync.Domain.Relationships;

/// <summary>
/// A relationship month by month. The warmth at each month's end is the relationship model itself
/// (<see cref="ContactAggregator"/>) rerun on this one person's interactions up to that moment, so it
/// matches what the scores said then, for the cost of a few hundred interactions rather than the whole
/// mailbox.
/// </summary>
public static class WarmthHistory
{
    public const int Months = 24;

    /// <summary>The first moment (UTC) of each of the <see cref="Months"/> months ending with the one <paramref name="asOf"/> is in, oldest first.</summary>
    public static IEnumerable<DateTimeOffset> MonthsEndingAt(DateTimeOffset asOf)
    {
        var thisMonth = new DateTimeOffset(asOf.UtcDateTime.Year, asOf.UtcDateTime.Month, 1, 0, 0, 0, TimeSpan.Zero);
        for (var back = Months - 1; back >= 0; back--)
        {
            yield return thisMonth.AddMonths(-back);
        }
    }

    /// <summary>
    /// The months of the person known under <paramref name="mainAddress"/>, from the interactions of all
    /// their <paramref name="addresses"/>, scored with the mailbox's rules <paramref name="options"/>.
    /// </summary>
    public static IReadOnlyList<WarmthMonth> Of(
        string mainAddress,
        IReadOnlyCollection<string> addresses,
        IEnumerable<VisibleInteraction> interactions,
        IReadOnlySet<string> bulkSenders,
        DateTimeOffset asOf,
        RelationshipOptions options,
        WarmthModel? model = null)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        ArgumentNullException.ThrowIfNull(options);

        // Every interaction is counted under the person's main address, so the model scores one person
        // and merges nothing; the user's corrections on any of their addresses apply to that address.
        var touches = new List<VisibleInteraction>();
        foreach (var touch in interactions)
        {
            if (touch.VisibleAt <= asOf)
            {
                touches.Add(touch with { Interaction = touch.Interaction with { ContactAddress = mainAddress } });
            }
        }

        var personOptions = UserCorrections.ForOnePerson(options, mainAddress, addresses);
        var months = new List<WarmthMonth>(Months);
        foreach (var start in MonthsEndingAt(asOf))
        {
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

            var warmth = upToThen.Count == 0 ? 0 : ContactAggregator.Summarize(upToThen, bulkSenders, at, personOptions, model).Single().Warmth;
            months.Add(new WarmthMonth(start, sent, received, meetings, warmth));
        }

        return months;
    }

    /// <summary>
    /// The warmth of one person at <paramref name="at"/>, by the same rules as each month of <see cref="Of"/>:
    /// what the network's trend needs for the month before its window.
    /// </summary>
    public static double WarmthAt(
        string mainAddress,
        IReadOnlyCollection<string> addresses,
        IEnumerable<VisibleInteraction> interactions,
        IReadOnlySet<string> bulkSenders,
        DateTimeOffset at,
        RelationshipOptions options,
        WarmthModel? model = null)
    {
        ArgumentNullException.ThrowIfNull(interactions);
        ArgumentNullException.ThrowIfNull(options);
        var upToThen = interactions.Where(t => t.VisibleAt <= at).Select(t => t.Interaction with { ContactAddress = mainAddress }).ToList();
        return upToThen.Count == 0 ? 0 : ContactAggregator.Summarize(upToThen, bulkSenders, at, UserCorrections.ForOnePerson(options, mainAddress, addresses), model).Single().Warmth;
    }
}
