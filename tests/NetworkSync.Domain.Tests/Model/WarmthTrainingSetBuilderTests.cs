using NetworkSync.Domain.Relationships;
using NetworkSync.Domain.Relationships.Model;

namespace NetworkSync.Domain.Tests.Model;

public sealed class WarmthTrainingSetBuilderTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Cutoffs_step_back_90_days_while_30_days_of_history_lie_before_them()
    {
        Interaction[] history = [new("ana@x.example", null, InteractionDirection.Inbound, Now.AddDays(-300), 1, "a")];

        Assert.Equal([Now.AddDays(-90), Now.AddDays(-180), Now.AddDays(-270)], WarmthTrainingSetBuilder.CutoffsFor(history, Now, maximum: 8));
        Assert.Equal([Now.AddDays(-90)], WarmthTrainingSetBuilder.CutoffsFor(history, Now, maximum: 1));
        Assert.Empty(WarmthTrainingSetBuilder.CutoffsFor([], Now, maximum: 8));
    }

    [Fact]
    public void Each_person_seen_by_a_cutoff_is_one_example_labelled_by_being_written_to_or_met_in_the_90_days_after()
    {
        Interaction[] history =
        [
            new("ana@x.example", null, InteractionDirection.Inbound, Now.AddDays(-200), 1, "a"),
            new("ana@x.example", null, InteractionDirection.Outbound, Now.AddDays(-150), 1, "b"),      // after cutoff 180: positive there
            new("bo@x.example", null, InteractionDirection.CoRecipient, Now.AddDays(-200), 3, "c", Direct: false),
            new("bo@x.example", null, InteractionDirection.Inbound, Now.AddDays(-100), 1, "d"),         // they wrote, the owner did not: negative
            new("cy@x.example", null, InteractionDirection.Meeting, Now.AddDays(-120), 2, "e"),         // first seen after cutoff 180
            new("cy@x.example", null, InteractionDirection.Meeting, Now.AddDays(-60), 2, "f"),          // met after cutoff 90: positive
            new("noreply@x.example", null, InteractionDirection.Inbound, Now.AddDays(-200), 1, "g"),   // robots are never examples
        ];

        var set = WarmthTrainingSetBuilder.Build(history, [Now.AddDays(-90), Now.AddDays(-180)], Now, IdentityResolution.None);

        var examples = set.Examples.Select(e => (e.Person, (Now - e.Cutoff).Days, e.Label)).Order().ToList();
        Assert.Equal(
            [("ana@x.example", 90, false), ("ana@x.example", 180, true), ("bo@x.example", 90, false), ("bo@x.example", 180, false), ("cy@x.example", 90, true)],
            examples);
        Assert.Equal(2, set.Positives);
        Assert.Equal(2, set.CutoffsWithPositives);
    }

    [Fact]
    public void An_examples_features_use_only_what_came_before_its_cutoff()
    {
        var cutoff = Now.AddDays(-90);
        Interaction[] early = [new("ana@x.example", null, InteractionDirection.Outbound, cutoff.AddDays(-10), 1, "a")];
        Interaction[] withLater = [.. early, new("ana@x.example", null, InteractionDirection.Outbound, cutoff.AddDays(1), 1, "b")];

        var without = Assert.Single(WarmthTrainingSetBuilder.Build(early, [cutoff], Now, IdentityResolution.None).Examples);
        var with = Assert.Single(WarmthTrainingSetBuilder.Build(withLater, [cutoff], Now, IdentityResolution.None).Examples);

        Assert.Equal(without.Features, with.Features);
        Assert.False(without.Label);
        Assert.True(with.Label);
    }

    [Fact]
    public void A_cutoff_whose_90_days_have_not_passed_is_refused()
    {
        Assert.Throws<ArgumentException>(() => WarmthTrainingSetBuilder.Build([], [Now.AddDays(-30)], Now, IdentityResolution.None));
    }
}
