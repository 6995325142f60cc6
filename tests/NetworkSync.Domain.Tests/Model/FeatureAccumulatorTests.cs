using NetworkSync.Domain.Relationships;
using NetworkSync.Domain.Relationships.Model;

namespace NetworkSync.Domain.Tests.Model;

/// <summary>
/// Every warmth feature only grows with contact and only shrinks with silence: that, with non-negative
/// weights, is what makes the fitted model monotone.
/// </summary>
public sealed class FeatureAccumulatorTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 1; seed <= 40; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void One_more_interaction_of_any_kind_never_lowers_a_feature(int seed)
    {
        var random = new Random(seed);
        var history = RandomHistory(random);
        var extra = RandomInteraction(random, 999);

        var before = Features(history, AsOf);
        var after = Features([.. history, extra], AsOf);

        for (var i = 0; i < before.Length; i++)
        {
            Assert.True(after[i] >= before[i], $"{(WarmthFeature)i}: {before[i]} -> {after[i]} after {extra}");
        }
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Time_passing_never_raises_a_feature(int seed)
    {
        var random = new Random(seed);
        var history = RandomHistory(random);

        var now = Features(history, AsOf);
        var later = Features(history, AsOf.AddDays(random.Next(1, 400)).AddHours(random.Next(24)));

        for (var i = 0; i < now.Length; i++)
        {
            Assert.True(later[i] <= now[i], $"{(WarmthFeature)i}: {now[i]} -> {later[i]}");
        }
    }

    [Fact]
    public void Known_values_for_one_message_each_way_today()
    {
        var features = Features(
        [
            new Interaction("ana@x.example", null, InteractionDirection.Outbound, AsOf, 1, "a", ConversationId: "t"),
            new Interaction("ana@x.example", null, InteractionDirection.Inbound, AsOf, 1, "b", ConversationId: "t"),
            new Interaction("ana@x.example", null, InteractionDirection.Outbound, AsOf.AddDays(1), 1, "future"),
        ], AsOf);

        Assert.Equal(Math.Log(2), features[(int)WarmthFeature.Sent7], 9);
        Assert.Equal(Math.Log(2), features[(int)WarmthFeature.Received365], 9);
        Assert.Equal(0, features[(int)WarmthFeature.Met30]);
        Assert.Equal(1, features[(int)WarmthFeature.RecentSent]);
        Assert.Equal(1 / 13.0, features[(int)WarmthFeature.ActiveWeeks], 9);
        Assert.Equal(Math.Log(2), features[(int)WarmthFeature.Reciprocity90], 9);
        Assert.Equal(Math.Log(2), features[(int)WarmthFeature.TwoWayThreads], 9);
        Assert.Equal(0, features[(int)WarmthFeature.Copied30]);
    }

    [Fact]
    public void The_order_of_arrival_never_changes_a_feature()
    {
        var random = new Random(5);
        var history = RandomHistory(random);
        var shuffled = history.ToArray();
        random.Shuffle(shuffled);

        Assert.Equal(Features(history, AsOf), Features(shuffled, AsOf));
    }

    private static double[] Features(IEnumerable<Interaction> interactions, DateTimeOffset asOf)
    {
        var accumulator = new FeatureAccumulator(asOf);
        foreach (var interaction in interactions)
        {
            accumulator.Add(interaction);
        }

        return accumulator.Features();
    }

    private static List<Interaction> RandomHistory(Random random) =>
        [.. Enumerable.Range(0, random.Next(0, 80)).Select(i => RandomInteraction(random, i))];

    private static Interaction RandomInteraction(Random random, int i)
    {
        var direction = (InteractionDirection)random.Next(4);
        return new Interaction(
            "ana@x.example",
            null,
            direction,
            AsOf.AddMinutes(-random.Next(0, 800 * 24 * 60)),
            random.Next(1, 30),
            $"s{i}",
            Direct: direction != InteractionDirection.CoRecipient && random.Next(5) != 0,
            ConversationId: random.Next(3) == 0 ? null : $"t{random.Next(10)}",
            Role: (InteractionRole)random.Next(7));
    }
}
