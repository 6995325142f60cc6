using NetworkSync.Domain.Relationships;
using NetworkSync.Domain.Relationships.Network;

namespace NetworkSync.Domain.Tests.Network;

public sealed class NetworkTrendTests
{
    private static readonly DateTimeOffset January = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
    private static readonly IReadOnlySet<string> NoBulk = new HashSet<string>(StringComparer.Ordinal);

    [Fact]
    public void Active_relationships_are_counted_by_tier_and_cold_ones_are_not()
    {
        var months = NetworkTrend.Of([Person(80, 50), Person(45, 20), Person(10, 5)], [0, 0, 0]);

        Assert.Equal((1, 1, 0), (months[0].Hot, months[0].Warm, months[0].Cool));
        Assert.Equal((0, 1, 1), (months[1].Hot, months[1].Warm, months[1].Cool));
    }

    [Fact]
    public void A_tie_is_gained_on_reaching_warm_kept_while_cool_and_lost_only_on_going_cold()
    {
        var months = NetworkTrend.Of([Person(20, 45, 30, 16, 14, 30, 40)], [0]);

        Assert.Equal([0, 1, 0, 0, 0, 0, 1], months.Select(m => m.Gained));
        Assert.Equal([0, 0, 0, 0, 1, 0, 0], months.Select(m => m.Lost));
    }

    [Fact]
    public void The_thresholds_themselves_count_as_reached()
    {
        Assert.True(NetworkTrend.Holds(heldBefore: false, WarmthTiers.Warm));
        Assert.False(NetworkTrend.Holds(heldBefore: false, WarmthTiers.Warm - 0.01));
        Assert.True(NetworkTrend.Holds(heldBefore: true, WarmthTiers.Cool));
        Assert.False(NetworkTrend.Holds(heldBefore: true, WarmthTiers.Cool - 0.01));
    }

    [Fact]
    public void The_first_month_counts_a_gain_only_against_the_month_before_the_window()
    {
        var months = NetworkTrend.Of([Person(60, 60), Person(60, 60), Person(10, 10)], [70, 0, 50]);

        Assert.Equal(1, months[0].Gained); // the second person: not held before the window
        Assert.Equal(1, months[0].Lost); // the third: held before, cold at the first month's end
        Assert.Equal((0, 0), (months[1].Gained, months[1].Lost));
    }

    [Fact]
    public void No_people_give_no_months()
    {
        Assert.Empty(NetworkTrend.Of([], []));
        Assert.Throws<ArgumentException>(() => NetworkTrend.Of([Person(1)], []));
        Assert.Throws<ArgumentException>(() => NetworkTrend.Of([Person(1), Person(1, 2)], [0, 0]));
    }

    [Fact]
    public void A_tie_made_in_the_last_second_of_a_month_is_gained_in_that_month_and_one_a_second_later_in_the_next()
    {
        var asOf = new DateTimeOffset(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);
        var endOfMarch = new DateTimeOffset(2026, 4, 1, 0, 0, 0, TimeSpan.Zero).AddSeconds(-1);
        var startOfApril = endOfMarch.AddSeconds(1);
        var options = new RelationshipOptions();
        var ana = WarmthHistory.Of("ana@fabrikam.example", ["ana@fabrikam.example"], Exchange("ana@fabrikam.example", endOfMarch, TimeSpan.FromMinutes(-30)), NoBulk, asOf, options);
        var ben = WarmthHistory.Of("ben@fabrikam.example", ["ben@fabrikam.example"], Exchange("ben@fabrikam.example", startOfApril, TimeSpan.FromMinutes(30)), NoBulk, asOf, options);

        var months = NetworkTrend.Of([ana, ben], [0, 0]);

        var march = months.Single(m => m.Start.Month == 3 && m.Start.Year == 2026);
        var april = months.Single(m => m.Start.Month == 4 && m.Start.Year == 2026);
        Assert.True(ana[^4].Warmth >= WarmthTiers.Warm, $"a close exchange should be warm, was {ana[^4].Warmth}");
        Assert.Equal(1, march.Gained);
        Assert.Equal(1, april.Gained);
        Assert.Equal(0, months.Sum(m => m.Lost));
    }

    /// <summary>A close exchange: ten one-to-one mails each way, from <paramref name="from"/> a <paramref name="step"/> apart (never across it).</summary>
    private static List<VisibleInteraction> Exchange(string address, DateTimeOffset from, TimeSpan step)
    {
        var list = new List<VisibleInteraction>();
        for (var i = 0; i < 10; i++)
        {
            var at = from + (step * i);
            var answer = at + (step / 3);
            list.Add(new VisibleInteraction(new Interaction(address, "X", InteractionDirection.Outbound, at, 1, $"o{i}", ConversationId: $"c{i}"), at));
            list.Add(new VisibleInteraction(new Interaction(address, "X", InteractionDirection.Inbound, answer, 1, $"i{i}", ConversationId: $"c{i}"), answer));
        }

        return list;
    }

    private static List<WarmthMonth> Person(params double[] warmth) =>
        warmth.Select((w, i) => new WarmthMonth(January.AddMonths(i), 0, 0, 0, w)).ToList();
}
