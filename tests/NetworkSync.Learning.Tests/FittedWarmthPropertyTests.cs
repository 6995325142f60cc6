using NetworkSync.Domain.Relationships;
using NetworkSync.Domain.Relationships.Model;

namespace NetworkSync.Learning.Tests;

/// <summary>
/// The warmth invariants (tests/NetworkSync.Domain.Tests/WarmthPropertyTests.cs) with a model fitted on
/// a random mailbox's own history rather than the built-in weights: a two-way exchange never lowers
/// warmth and time without contact never raises it, whatever the fit learned.
/// </summary>
public sealed class FittedWarmthPropertyTests
{
    private static readonly DateTimeOffset AsOf = SyntheticHistory.Now;

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 1; seed <= 12; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void With_a_fitted_model_more_contact_never_lowers_warmth_and_silence_never_raises_it(int seed)
    {
        var random = new Random(seed);
        var interactions = RandomMailbox(random);
        var model = WarmthModelTrainer.Fit(interactions, AsOf, IdentityResolution.None, new WarmthFitOptions { MinimumPositives = 5 });
        Assert.Equal(WarmthModelSource.Fitted, model.Source);

        var now = Summarize(interactions, AsOf, model);
        var later = Summarize(interactions, AsOf.AddDays(random.Next(1, 500)), model).ToDictionary(c => c.Address, StringComparer.Ordinal);
        Assert.All(now, c => Assert.True(later[c.Address].Warmth <= c.Warmth, $"{c.Address}: {c.Warmth} -> {later[c.Address].Warmth}"));

        var contact = $"p{random.Next(30)}@x.example";
        var before = now.FirstOrDefault(c => c.Address == contact)?.Warmth ?? 0;
        var at = AsOf.AddDays(-random.Next(0, 400));
        interactions.Add(new Interaction(contact, null, InteractionDirection.Outbound, at, 1, "new-out", ConversationId: "new-thread"));
        interactions.Add(new Interaction(contact, null, InteractionDirection.Inbound, at.AddHours(2), 1, "new-in", ConversationId: "new-thread"));
        var after = Summarize(interactions, AsOf, model).Single(c => c.Address == contact).Warmth;
        Assert.True(after >= before, $"{contact}: {before} -> {after}");
    }

    private static IReadOnlyList<ContactSummary> Summarize(List<Interaction> interactions, DateTimeOffset asOf, WarmthModel model) =>
        ContactAggregator.Summarize(interactions, new HashSet<string>(), asOf, new RelationshipOptions(), model);

    // Thirty people with their own rates of contact over two years, some copied only.
    private static List<Interaction> RandomMailbox(Random random)
    {
        var list = new List<Interaction>();
        for (var c = 0; c < 30; c++)
        {
            var count = random.Next(0, 150);
            var span = random.Next(30, 730);
            var end = random.Next(0, 600);
            for (var i = 0; i < count; i++)
            {
                var direction = (InteractionDirection)random.Next(4);
                list.Add(new Interaction(
                    $"p{c}@x.example",
                    null,
                    direction,
                    AsOf.AddDays(-end - random.Next(0, span)).AddMinutes(-random.Next(0, 1440)),
                    random.Next(1, 6),
                    $"s{c}-{i}",
                    Direct: direction != InteractionDirection.CoRecipient && random.Next(8) != 0,
                    ConversationId: direction is InteractionDirection.Meeting ? null : $"t{c}-{random.Next(20)}"));
            }
        }

        return list;
    }
}
