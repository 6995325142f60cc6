using NetworkSync.Domain.Metadata;
using NetworkSync.Domain.Relationships;

namespace NetworkSync.Domain.Tests;

public sealed class NoiseAndAudienceTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly RelationshipOptions Options = new();

    [Theory]
    [InlineData(BulkSignals.ListUnsubscribe, null, true)]
    [InlineData(BulkSignals.ListId, null, true)]
    [InlineData(BulkSignals.PrecedenceBulk, null, true)]
    [InlineData(BulkSignals.AutoSubmitted, null, true)]
    [InlineData(BulkSignals.None, "other", true)]
    [InlineData(BulkSignals.None, "focused", false)]
    [InlineData(BulkSignals.None, null, false)]
    public void Each_bulk_signal_marks_its_sender(BulkSignals signals, string? inference, bool bulk)
    {
        var message = new MessageMetadata
        {
            Id = "m",
            Folder = "inbox",
            SentAt = AsOf,
            ReceivedAt = AsOf,
            From = new Participant("sender@x.example", null),
            BulkSignals = signals,
            InferenceClassification = inference,
        };

        Assert.Equal(bulk, BulkSenderDetector.Senders([message]).Contains("sender@x.example"));
    }

    [Fact]
    public void A_bulk_sender_the_owner_writes_to_is_a_person_after_all()
    {
        var list = ContactAggregator.Summarize(
            [
                new Interaction("editor@paper.example", null, InteractionDirection.Inbound, AsOf.AddDays(-3), 1, "a"),
                new Interaction("editor@paper.example", null, InteractionDirection.Outbound, AsOf.AddDays(-2), 1, "b"),
            ],
            new HashSet<string> { "editor@paper.example" },
            AsOf,
            Options);

        Assert.False(Assert.Single(list).Automated);
    }

    [Theory]
    [InlineData("noreply@shop.example")]
    [InlineData("notifications@github.example")]
    [InlineData("alerts@bank.example")]
    [InlineData("billing@saas.example")]
    [InlineData("newsletter@shop.example")]
    [InlineData("all-staff@contoso.example")]
    [InlineData("mailer-daemon@contoso.example")]
    public void Role_robot_and_list_addresses_are_automated(string address) =>
        Assert.True(AutomatedSenderClassifier.LooksAutomated(address));

    [Theory]
    [InlineData("ana.abe@contoso.example")]
    [InlineData("newman@contoso.example")]
    [InlineData("allison@contoso.example")]
    public void People_are_not_mistaken_for_robots(string address) =>
        Assert.False(AutomatedSenderClassifier.LooksAutomated(address));

    [Fact]
    public void A_high_volume_sender_the_owner_never_answers_is_automated()
    {
        var interactions = Enumerable.Range(0, Options.OneWayBulkThreshold)
            .Select(i => new Interaction("deals@shop.example", "Deals", InteractionDirection.Inbound, AsOf.AddDays(-i), 1, $"m{i}"))
            .ToList();

        Assert.True(Assert.Single(ContactAggregator.Summarize(interactions, new HashSet<string>(), AsOf, Options)).Automated);
        Assert.False(Assert.Single(ContactAggregator.Summarize(interactions.Take(5), new HashSet<string>(), AsOf, Options)).Automated);
    }

    [Fact]
    public void A_one_to_one_message_counts_more_than_being_one_of_fifteen()
    {
        var list = ContactAggregator.Summarize(
            [
                new Interaction("solo@x.example", null, InteractionDirection.Inbound, AsOf.AddDays(-1), 1, "a"),
                new Interaction("crowd@x.example", null, InteractionDirection.Inbound, AsOf.AddDays(-1), 15, "b"),
                new Interaction("oneonone@x.example", null, InteractionDirection.Meeting, AsOf.AddDays(-1), 1, "c"),
                new Interaction("townhall@x.example", null, InteractionDirection.Meeting, AsOf.AddDays(-1), 150, "d", Direct: false),
            ],
            new HashSet<string>(),
            AsOf,
            Options);

        Assert.True(list.Single(c => c.Address == "solo@x.example").Warmth > list.Single(c => c.Address == "crowd@x.example").Warmth);
        Assert.True(list.Single(c => c.Address == "oneonone@x.example").Warmth > list.Single(c => c.Address == "townhall@x.example").Warmth);
    }
}
