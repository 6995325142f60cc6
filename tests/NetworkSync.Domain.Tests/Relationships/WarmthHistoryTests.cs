using NetworkSync.Domain.Relationships;

namespace NetworkSync.Domain.Tests.Relationships;

public sealed class WarmthHistoryTests
{
    private const string Ana = "ana@fabrikam.example";
    private const string AnaOld = "ana.abe@old.example";
    private static readonly DateTimeOffset AsOf = new(2026, 6, 15, 12, 0, 0, TimeSpan.Zero);
    private static readonly IReadOnlySet<string> NoBulk = new HashSet<string>(StringComparer.Ordinal);

    [Fact]
    public void Months_run_oldest_first_and_end_with_the_current_month()
    {
        var months = WarmthHistory.MonthsEndingAt(AsOf).ToList();

        Assert.Equal(WarmthHistory.Months, months.Count);
        Assert.Equal(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero), months[^1]);
        Assert.Equal(new DateTimeOffset(2024, 7, 1, 0, 0, 0, TimeSpan.Zero), months[0]);
    }

    [Fact]
    public void Interactions_count_in_the_month_they_happened_and_warm_the_months_after()
    {
        var interactions = new[]
        {
            Mail(Ana, InteractionDirection.Outbound, new DateTimeOffset(2026, 4, 3, 9, 0, 0, TimeSpan.Zero), "m1"),
            Mail(Ana, InteractionDirection.Inbound, new DateTimeOffset(2026, 4, 4, 9, 0, 0, TimeSpan.Zero), "m2"),
            Mail(AnaOld, InteractionDirection.Inbound, new DateTimeOffset(2026, 5, 20, 9, 0, 0, TimeSpan.Zero), "m3"),
        };

        var months = WarmthHistory.Of(Ana, [Ana, AnaOld], interactions, NoBulk, AsOf, new RelationshipOptions());

        var march = months[^4];
        var april = months[^3];
        var may = months[^2];
        Assert.Equal((0, 0, 0, 0d), (march.Sent, march.Received, march.Meetings, march.Warmth));
        Assert.Equal((1, 1), (april.Sent, april.Received));
        Assert.True(april.Warmth > 0);
        Assert.Equal(1, may.Received);
        Assert.True(may.Warmth > 0);
    }

    [Fact]
    public void What_was_not_yet_visible_then_does_not_count()
    {
        var meetingStart = new DateTimeOffset(2026, 6, 20, 9, 0, 0, TimeSpan.Zero);
        var meeting = new VisibleInteraction(
            new Interaction(Ana, "Ana", InteractionDirection.Meeting, meetingStart, 2, "e1"),
            meetingStart.AddHours(1));

        var months = WarmthHistory.Of(Ana, [Ana], [meeting], NoBulk, AsOf, new RelationshipOptions());

        Assert.All(months, m => Assert.Equal((0, 0d), (m.Meetings, m.Warmth)));
    }

    [Fact]
    public void A_mute_on_any_of_the_persons_addresses_applies_to_the_person()
    {
        var interactions = new[]
        {
            Mail(Ana, InteractionDirection.Outbound, new DateTimeOffset(2026, 5, 3, 9, 0, 0, TimeSpan.Zero), "m1"),
            Mail(AnaOld, InteractionDirection.Inbound, new DateTimeOffset(2026, 5, 4, 9, 0, 0, TimeSpan.Zero), "m2"),
        };
        var muted = new RelationshipOptions { Muted = new HashSet<string>(StringComparer.Ordinal) { AnaOld } };

        var plain = WarmthHistory.Of(Ana, [Ana, AnaOld], interactions, NoBulk, AsOf, new RelationshipOptions());
        var withMute = WarmthHistory.Of(Ana, [Ana, AnaOld], interactions, NoBulk, AsOf, muted);

        Assert.True(plain[^1].Warmth > 0);
        Assert.Equal(0d, withMute[^1].Warmth);
        Assert.Equal(plain.Select(m => (m.Sent, m.Received)), withMute.Select(m => (m.Sent, m.Received)));
    }

    private static VisibleInteraction Mail(string address, InteractionDirection direction, DateTimeOffset at, string id) =>
        new(new Interaction(address, "Ana", direction, at, 1, id, ConversationId: "c-" + id), at);
}
