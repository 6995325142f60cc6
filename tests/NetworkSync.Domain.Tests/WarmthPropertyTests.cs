using NetworkSync.Domain.Relationships;

namespace NetworkSync.Domain.Tests;

/// <summary>
/// Properties the warmth model must keep for any mailbox, checked on many seeded random ones: a
/// two-way exchange never cools a relationship, time without contact never warms it, and the order
/// in which interactions arrive never changes anything.
/// </summary>
public sealed class WarmthPropertyTests
{
    private static readonly DateTimeOffset AsOf = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
    private static readonly RelationshipOptions Options = new();

    public static TheoryData<int> Seeds()
    {
        var data = new TheoryData<int>();
        for (var seed = 1; seed <= 60; seed++)
        {
            data.Add(seed);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Adding_a_two_way_exchange_never_lowers_warmth(int seed)
    {
        var random = new Random(seed);
        var interactions = RandomMailbox(random);
        var contact = $"p{random.Next(12)}@x.example";
        var at = AsOf.AddDays(-random.Next(0, 400));
        var before = WarmthOf(Summarize(interactions), contact);

        interactions.Add(new Interaction(contact, null, InteractionDirection.Outbound, at, 1, "new-out", ConversationId: "new-thread"));
        interactions.Add(new Interaction(contact, null, InteractionDirection.Inbound, at.AddHours(2), 1, "new-in", ConversationId: "new-thread"));
        var after = WarmthOf(Summarize(interactions), contact);

        Assert.True(after >= before, $"{contact}: {before} -> {after}");
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void Time_passing_without_contact_never_raises_warmth(int seed)
    {
        var random = new Random(seed);
        var interactions = RandomMailbox(random);
        var now = ContactAggregator.Summarize(interactions, new HashSet<string>(), AsOf, Options);
        var later = ContactAggregator.Summarize(interactions, new HashSet<string>(), AsOf.AddDays(random.Next(1, 500)), Options)
            .ToDictionary(c => c.Address, StringComparer.Ordinal);

        Assert.All(now, c => Assert.True(later[c.Address].Warmth <= c.Warmth, $"{c.Address}: {c.Warmth} -> {later[c.Address].Warmth}"));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void The_order_of_arrival_never_changes_the_result(int seed)
    {
        var random = new Random(seed);
        var interactions = RandomMailbox(random);
        var shuffled = interactions.ToArray();
        random.Shuffle(shuffled);

        Assert.Equal(Render(Summarize(interactions)), Render(Summarize([.. shuffled])));
    }

    private static List<ContactSummary> Summarize(List<Interaction> interactions) =>
        [.. ContactAggregator.Summarize(interactions, new HashSet<string> { "p11@x.example" }, AsOf, Options)];

    private static double WarmthOf(List<ContactSummary> list, string address) =>
        list.FirstOrDefault(c => c.Address == address || c.OtherAddresses.Contains(address))?.Warmth ?? 0;

    private static List<string> Render(List<ContactSummary> list) =>
        [.. list.Select(c => string.Join('|', c.Address, c.DisplayName, c.Warmth, c.Tier, string.Join(';', c.Reasons), c.LastContact, c.LastInbound,
            c.LastOutbound, c.LastMeeting, c.Dormant, c.Cooling, c.Automated, c.Sent, c.Received, c.Meetings, string.Join(';', c.OtherAddresses)))];

    // Twelve contacts; two share a full name (so identity merging is exercised), one is a bulk sender.
    private static List<Interaction> RandomMailbox(Random random)
    {
        var names = new[] { "Ana Abe", "Bo Berg", "Cy Cole", "Di Dahl", "Ed Eng", "Fay Fox", "Gil Gray", "Hal Hunt", "Ivy Ito", "Jo Jain", "Ana Abe", "News Desk" };
        var list = new List<Interaction>();
        for (var c = 0; c < names.Length; c++)
        {
            var count = random.Next(0, 60);
            for (var i = 0; i < count; i++)
            {
                var direction = (InteractionDirection)random.Next(3);
                list.Add(new Interaction(
                    $"p{c}@x.example",
                    random.Next(5) switch { 0 => null, 1 => names[c].ToUpperInvariant(), _ => names[c] },
                    direction,
                    AsOf.AddMinutes(-random.Next(0, 700 * 24 * 60)),
                    random.Next(1, 8),
                    $"s{c}-{i}",
                    Direct: random.Next(6) != 0,
                    ConversationId: direction == InteractionDirection.Meeting ? null : $"t{c}-{random.Next(8)}"));
            }
        }

        return list;
    }
}
