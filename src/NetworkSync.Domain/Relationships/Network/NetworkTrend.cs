namespace NetworkSync.Domain.Relationships.Network;

/// <summary>
/// The network month by month, from each person's <see cref="WarmthHistory"/> (the warmth at each month's end).
/// <list type="bullet">
/// <item>An <b>active</b> relationship is one at least cool (<see cref="WarmthTiers.Cool"/>) at the month's end; the
/// months count them by tier (hot, warm, cool). Cold ones are not counted.</item>
/// <item>A <b>tie</b> is held from the first month-end a person is at least warm (<see cref="WarmthTiers.Warm"/>)
/// until the first month-end they are cold again (below <see cref="WarmthTiers.Cool"/>). Between the two
/// thresholds a tie keeps the state it had, so a warm person cooling to cool and back is not lost and
/// gained again every month.</item>
/// <item>A tie is <b>gained</b> in the month it starts being held and <b>lost</b> in the month it stops. The
/// first month of the window is the baseline: a tie held at its end is counted as gained there only
/// when the person was not held the month before it (which the caller gives as <c>before</c>), so the
/// first bar is not every tie the user ever had.</item>
/// </list>
/// </summary>
public static class NetworkTrend
{
    /// <summary>Whether a tie is held at a month's end, given whether it was held at the previous one.</summary>
    public static bool Holds(bool heldBefore, double warmth) =>
        heldBefore ? warmth >= WarmthTiers.Cool : warmth >= WarmthTiers.Warm;

    /// <summary>
    /// Sums the people's months. Every list is one person's months over the same window (oldest first);
    /// <paramref name="warmthBefore"/> gives each person's warmth at the end of the month before the window
    /// (same order; 0 when they were unknown then).
    /// </summary>
    public static IReadOnlyList<TierMonth> Of(IReadOnlyList<IReadOnlyList<WarmthMonth>> people, IReadOnlyList<double> warmthBefore)
    {
        ArgumentNullException.ThrowIfNull(people);
        ArgumentNullException.ThrowIfNull(warmthBefore);
        if (people.Count != warmthBefore.Count)
        {
            throw new ArgumentException("Give one warmth before the window per person.", nameof(warmthBefore));
        }

        if (people.Count == 0)
        {
            return [];
        }

        var starts = people[0].Select(m => m.Start).ToList();
        var hot = new int[starts.Count];
        var warm = new int[starts.Count];
        var cool = new int[starts.Count];
        var gained = new int[starts.Count];
        var lost = new int[starts.Count];
        for (var p = 0; p < people.Count; p++)
        {
            var months = people[p];
            if (months.Count != starts.Count)
            {
                throw new ArgumentException("Every person's months must cover the same window.", nameof(people));
            }

            var held = Holds(false, warmthBefore[p]);
            for (var i = 0; i < months.Count; i++)
            {
                switch (WarmthTiers.Of(months[i].Warmth))
                {
                    case WarmthTier.Hot: hot[i]++; break;
                    case WarmthTier.Warm: warm[i]++; break;
                    case WarmthTier.Cool: cool[i]++; break;
                    default: break;
                }

                var now = Holds(held, months[i].Warmth);
                if (now && !held)
                {
                    gained[i]++;
                }
                else if (held && !now)
                {
                    lost[i]++;
                }

                held = now;
            }
        }

        return starts.Select((start, i) => new TierMonth(start, hot[i], warm[i], cool[i], gained[i], lost[i])).ToList();
    }
}
