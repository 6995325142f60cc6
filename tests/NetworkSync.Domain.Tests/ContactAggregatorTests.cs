using NetworkSync.Domain.Relationships;

namespace NetworkSync.Domain.Tests;

public sealed class ContactAggregatorTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly RelationshipOptions Options = new();

    [Fact]
    public void Last_contact_dates_and_counts_follow_the_interactions()
    {
        var list = ContactAggregator.Summarize(
            [
                new Interaction("ana@x.example", "Ana", InteractionDirection.Outbound, AsOf.AddDays(-3), 1, "m1"),
                new Interaction("ana@x.example", "Ana", InteractionDirection.Inbound, AsOf.AddDays(-2), 1, "m2"),
                new Interaction("ana@x.example", "Ana", InteractionDirection.Meeting, AsOf.AddDays(-10), 2, "e1"),
                new Interaction("ana@x.example", "Ana", InteractionDirection.Inbound, AsOf.AddDays(5), 1, "future"),
            ],
            new HashSet<string>(),
            AsOf,
            Options);

        var ana = Assert.Single(list);
        Assert.Equal((1, 1, 1), (ana.Sent, ana.Received, ana.Meetings));
        Assert.Equal(AsOf.AddDays(-2), ana.LastContact);
        Assert.Equal(AsOf.AddDays(-3), ana.LastOutbound);
        Assert.Equal(AsOf.AddDays(-10), ana.LastMeeting);
        Assert.False(ana.Dormant);
    }

    [Fact]
    public void A_real_relationship_silent_for_six_months_is_dormant_but_one_way_and_one_off_contacts_are_not()
    {
        var list = ContactAggregator.Summarize(
            [
                new Interaction("old@x.example", null, InteractionDirection.Outbound, AsOf.AddDays(-400), 1, "a", ConversationId: "t1"),
                new Interaction("old@x.example", null, InteractionDirection.Inbound, AsOf.AddDays(-399), 1, "b", ConversationId: "t1"),
                new Interaction("old@x.example", null, InteractionDirection.Outbound, AsOf.AddDays(-250), 1, "c", ConversationId: "t2"),
                new Interaction("old@x.example", null, InteractionDirection.Inbound, AsOf.AddDays(-200), 1, "d", ConversationId: "t2"),
                new Interaction("met@x.example", null, InteractionDirection.Meeting, AsOf.AddDays(-190), 4, "e"),
                new Interaction("townhall@x.example", null, InteractionDirection.Meeting, AsOf.AddDays(-190), 150, "f", Direct: false),
                new Interaction("once@x.example", null, InteractionDirection.Outbound, AsOf.AddDays(-300), 1, "g", ConversationId: "t3"),
                new Interaction("once@x.example", null, InteractionDirection.Inbound, AsOf.AddDays(-299), 1, "h", ConversationId: "t3"),
                new Interaction("cold@x.example", null, InteractionDirection.Outbound, AsOf.AddDays(-300), 1, "i"),
            ],
            new HashSet<string>(),
            AsOf,
            Options);

        Assert.True(list.Single(c => c.Address == "old@x.example").Dormant);
        Assert.True(list.Single(c => c.Address == "met@x.example").Dormant);
        Assert.False(list.Single(c => c.Address == "townhall@x.example").Dormant);
        Assert.False(list.Single(c => c.Address == "once@x.example").Dormant);
        Assert.False(list.Single(c => c.Address == "cold@x.example").Dormant);
    }

    [Fact]
    public void Robot_addresses_and_bulk_senders_are_automated_and_never_warm_or_dormant()
    {
        var list = ContactAggregator.Summarize(
            [
                new Interaction("noreply@shop.example", null, InteractionDirection.Inbound, AsOf.AddDays(-1), 1, "a"),
                new Interaction("news@paper.example", null, InteractionDirection.Inbound, AsOf.AddDays(-1), 1, "b"),
                new Interaction("ana@x.example", null, InteractionDirection.Inbound, AsOf.AddDays(-1), 1, "c"),
            ],
            new HashSet<string> { "news@paper.example" },
            AsOf,
            Options);

        Assert.True(list.Single(c => c.Address == "noreply@shop.example").Automated);
        Assert.True(list.Single(c => c.Address == "news@paper.example").Automated);
        Assert.All(list.Where(c => c.Automated), c => Assert.Equal(0, c.Warmth));
        Assert.False(list.Single(c => c.Address == "ana@x.example").Automated);
    }

    [Fact]
    public void A_two_way_exchange_is_warmer_than_the_same_volume_one_way_and_the_list_is_warmest_first()
    {
        var list = ContactAggregator.Summarize(
            [
                new Interaction("two@x.example", null, InteractionDirection.Outbound, AsOf.AddDays(-5), 1, "a"),
                new Interaction("two@x.example", null, InteractionDirection.Inbound, AsOf.AddDays(-4), 1, "b"),
                new Interaction("one@x.example", null, InteractionDirection.Outbound, AsOf.AddDays(-5), 1, "c"),
                new Interaction("one@x.example", null, InteractionDirection.Outbound, AsOf.AddDays(-4), 1, "d"),
            ],
            new HashSet<string>(),
            AsOf,
            Options);

        Assert.Equal(["two@x.example", "one@x.example"], list.Select(c => c.Address));
        Assert.True(list[0].Warmth > list[1].Warmth);
    }

    [Fact]
    public void The_users_overrides_beat_the_signals_either_way()
    {
        Interaction[] interactions =
        [
            new("noreply@club.example", "Running Club", InteractionDirection.Inbound, AsOf.AddDays(-2), 1, "a"),
            new("ana@x.example", "Ana Abe", InteractionDirection.Outbound, AsOf.AddDays(-300), 1, "b", ConversationId: "t1"),
            new("ana@x.example", "Ana Abe", InteractionDirection.Inbound, AsOf.AddDays(-299), 1, "c", ConversationId: "t1"),
            new("ana@x.example", "Ana Abe", InteractionDirection.Meeting, AsOf.AddDays(-250), 2, "d"),
        ];
        var defaults = ContactAggregator.Summarize(interactions, new HashSet<string>(), AsOf, Options);
        Assert.True(defaults.Single(c => c.Address == "noreply@club.example").Automated);
        Assert.True(defaults.Single(c => c.Address == "ana@x.example").Dormant);

        var corrected = ContactAggregator.Summarize(
            interactions,
            new HashSet<string>(),
            AsOf,
            Options with { MarkedAsPerson = new HashSet<string> { "noreply@club.example" }, Muted = new HashSet<string> { "ana@x.example" } });

        Assert.False(corrected.Single(c => c.Address == "noreply@club.example").Automated);
        var ana = corrected.Single(c => c.Address == "ana@x.example");
        Assert.True(ana.Automated);
        Assert.False(ana.Dormant);
        Assert.Equal(0, ana.Warmth);
    }

    [Fact]
    public void Being_named_in_To_weighs_more_than_being_copied()
    {
        var interactions = new List<Interaction>();
        for (var i = 0; i < 10; i++)
        {
            interactions.Add(new Interaction("to@x.example", null, InteractionDirection.Inbound, AsOf.AddDays(-i), 2, $"a{i}", Role: InteractionRole.To));
            interactions.Add(new Interaction("cc@x.example", null, InteractionDirection.Inbound, AsOf.AddDays(-i), 2, $"b{i}", Role: InteractionRole.Cc));
        }

        var list = ContactAggregator.Summarize(interactions, new HashSet<string>(), AsOf, Options);

        Assert.True(list.Single(c => c.Address == "to@x.example").Warmth > list.Single(c => c.Address == "cc@x.example").Warmth);
    }
}
