using NetworkSync.Domain.Relationships;
using NetworkSync.Domain.Relationships.Network;

namespace NetworkSync.Domain.Tests.Network;

public sealed class WeakTiesTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 2, 12, 0, 0, TimeSpan.Zero);
    private static readonly IReadOnlySet<string> NoneMuted = new HashSet<string>(StringComparer.Ordinal);

    [Fact]
    public void A_two_way_cool_or_cold_tie_in_recent_contact_is_a_weak_tie_warmest_first()
    {
        var ties = WeakTies.Of([TwoWay("cold@x.example", 5, 10), TwoWay("cool@x.example", 30, 20), TwoWay("warm@x.example", 40, 1)], Now, NoneMuted);

        Assert.Equal(["cool@x.example", "cold@x.example"], ties.Select(t => t.Address));
    }

    [Fact]
    public void One_way_mail_is_not_a_weak_tie()
    {
        var onlyTheyWrote = TwoWay("a@x.example", 20, 5) with { LastOutbound = null };
        var onlyIWrote = TwoWay("b@x.example", 20, 5) with { LastInbound = null };

        Assert.Empty(WeakTies.Of([onlyTheyWrote, onlyIWrote], Now, NoneMuted));
    }

    [Fact]
    public void The_last_contact_must_be_within_the_recent_window()
    {
        var days = WeakTies.RecentWithin.TotalDays;
        Assert.True(WeakTies.IsWeakTie(TwoWay("a@x.example", 20, days), Now, muted: false));
        Assert.False(WeakTies.IsWeakTie(TwoWay("a@x.example", 20, days + 0.001), Now, muted: false));
    }

    [Fact]
    public void Automated_copied_only_dormant_and_muted_people_are_never_weak_ties()
    {
        Assert.False(WeakTies.IsWeakTie(TwoWay("news@x.example", 20, 5) with { Automated = true }, Now, muted: false));
        Assert.False(WeakTies.IsWeakTie(TwoWay("cc@x.example", 20, 5) with { CopiedOnly = true }, Now, muted: false));
        Assert.False(WeakTies.IsWeakTie(TwoWay("old@x.example", 20, 5) with { Dormant = true }, Now, muted: false));
        Assert.False(WeakTies.IsWeakTie(TwoWay("m@x.example", 20, 5), Now, muted: true));
    }

    private static ContactSummary TwoWay(string address, double warmth, double daysAgo) => new()
    {
        Address = address,
        Warmth = warmth,
        Tier = WarmthTiers.Of(warmth).ToWire(),
        LastContact = Now.AddDays(-daysAgo),
        LastInbound = Now.AddDays(-daysAgo),
        LastOutbound = Now.AddDays(-daysAgo - 1),
    };
}
