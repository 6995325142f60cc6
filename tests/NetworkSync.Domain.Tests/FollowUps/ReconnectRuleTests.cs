using NetworkSync.Domain.FollowUps;
using NetworkSync.Domain.Relationships;

namespace NetworkSync.Domain.Tests.FollowUps;

public sealed class ReconnectRuleTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 2, 12, 0, 0, TimeSpan.Zero);

    /// <summary>Eight dormant relationships; person i had i + 2 threads, so a higher i was a stronger tie.</summary>
    private static FollowUpWorld DormantWorld()
    {
        var world = new FollowUpWorld();
        for (var i = 0; i < 8; i++)
        {
            world.Acquaint($"p{i}@fabrikam.example", Now.AddDays(-200 - i), threads: i + 2);
        }

        return world;
    }

    [Fact]
    public void At_most_five_a_week_strongest_past_ties_first()
    {
        var world = DormantWorld();

        var first = world.Run(Now);

        Assert.Equal(5, first.Count);
        Assert.All(first, r => Assert.Equal(FollowUpKind.Reconnect, r.Kind));
        Assert.Equal(["p3", "p4", "p5", "p6", "p7"], first.Select(r => r.Contacts[0].Split('@')[0]).Order(StringComparer.Ordinal));
        Assert.Empty(world.Run(Now.AddDays(3)));
        Assert.Equal(3, world.Run(Now.AddDays(7).AddMinutes(1)).Count);
    }

    [Fact]
    public void The_strongest_past_tie_ranks_first_even_when_it_went_quiet_longer_ago()
    {
        var world = new FollowUpWorld { Options = new FollowUpOptions { ReconnectsPerWeek = 1 } };
        world.Acquaint("strong@fabrikam.example", Now.AddDays(-1000), threads: 12);
        world.Acquaint("weak@fabrikam.example", Now.AddDays(-190), threads: 2);

        var contacts = world.Score(Now);
        Assert.True(contacts.Single(c => c.Address == "strong@fabrikam.example").Warmth < contacts.Single(c => c.Address == "weak@fabrikam.example").Warmth);

        Assert.Equal(["strong@fabrikam.example"], Assert.Single(world.Run(Now)).Contacts);
    }

    [Fact]
    public void The_title_names_the_person_and_when_they_were_last_in_touch_and_it_is_due_at_the_next_work_start()
    {
        var world = new FollowUpWorld { Options = new FollowUpOptions { ReconnectsPerWeek = 1 } };
        world.Acquaint("ana.abe@fabrikam.example", new DateTimeOffset(2025, 11, 20, 15, 0, 0, TimeSpan.Zero));

        var suggestion = Assert.Single(world.Run(Now));

        Assert.Equal("Reconnect with Ana Abe, last in touch November 2025", suggestion.Title);
        Assert.Equal(new DateTimeOffset(2026, 6, 2, 16, 0, 0, TimeSpan.Zero), suggestion.Due);
    }

    [Fact]
    public void A_person_who_has_moved_since_is_suggested_with_where_they_are_now()
    {
        var world = new FollowUpWorld { Options = new FollowUpOptions { ReconnectsPerWeek = 1 } };
        world.Acquaint("ana.abe@contoso.example", Now.AddDays(-400), threads: 3);
        world.Acquaint("ana.abe@adatum.com", new DateTimeOffset(2025, 11, 20, 15, 0, 0, TimeSpan.Zero));

        var suggestion = Assert.Single(world.Run(Now));

        Assert.Equal("Reconnect with Ana Abe, last in touch November 2025, now at Adatum", suggestion.Title);
    }

    [Fact]
    public void A_person_writing_from_two_organisations_at_once_is_suggested_without_a_move()
    {
        var world = new FollowUpWorld { Options = new FollowUpOptions { ReconnectsPerWeek = 1 } };
        world.Acquaint("ana.abe@contoso.example", new DateTimeOffset(2025, 11, 10, 15, 0, 0, TimeSpan.Zero), threads: 3);
        world.Acquaint("ana.abe@adatum.com", new DateTimeOffset(2025, 11, 20, 15, 0, 0, TimeSpan.Zero), threads: 3);

        Assert.Equal("Reconnect with Ana Abe, last in touch November 2025", Assert.Single(world.Run(Now)).Title);
    }

    [Fact]
    public void Dismissed_and_snoozed_suggestions_stick_across_reruns()
    {
        var world = DormantWorld();
        var first = world.Run(Now);
        var dismissed = FollowUpLifecycle.Dismiss(first[0], Now.AddHours(1));
        var snoozed = FollowUpLifecycle.Snooze(first[1], Now.AddHours(1), Now.AddDays(30));
        world.Put(dismissed);
        world.Put(snoozed);

        for (var day = 1; day <= 60; day++)
        {
            world.Run(Now.AddDays(day));
        }

        Assert.Equal(dismissed, world.Get(dismissed.Key));
        Assert.Equal(snoozed, world.Get(snoozed.Key));
        Assert.Single(world.All, r => r.Contacts[0] == dismissed.Contacts[0]);
    }

    [Fact]
    public void Being_in_touch_again_settles_the_suggestion()
    {
        var world = DormantWorld();
        var suggestion = world.Run(Now)[0];
        var person = suggestion.Contacts[0];

        world.Mail(Now.AddDays(1), FollowUpWorld.Dana, person);
        var changes = world.Run(Now.AddDays(2));

        var settled = Assert.Single(changes, r => r.Key == suggestion.Key);
        Assert.Equal((FollowUpStatus.Done, FollowUpResolution.Contacted, (DateTimeOffset?)Now.AddDays(1)), (settled.Status, settled.Resolution, settled.CompletedAt));
    }

    [Fact]
    public void A_muted_person_is_never_suggested_and_an_open_suggestion_for_them_is_withdrawn()
    {
        var world = new FollowUpWorld { Options = new FollowUpOptions { ReconnectsPerWeek = 1 } };
        world.Acquaint("ana.abe@fabrikam.example", Now.AddDays(-200));
        var suggestion = Assert.Single(world.Run(Now));

        world.Relationships = new RelationshipOptions { Muted = new HashSet<string>(["ana.abe@fabrikam.example"]) };
        var changes = world.Run(Now.AddDays(8));

        Assert.Equal((suggestion.Key, FollowUpStatus.Withdrawn), (Assert.Single(changes).Key, changes[0].Status));
    }
}
