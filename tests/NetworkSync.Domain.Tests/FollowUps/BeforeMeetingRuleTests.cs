using NetworkSync.Domain.FollowUps;
using NetworkSync.Domain.Metadata;

namespace NetworkSync.Domain.Tests.FollowUps;

public sealed class BeforeMeetingRuleTests
{
    private const string Ana = "ana.abe@fabrikam.example";
    private const string Bo = "bo.berg@fabrikam.example";
    private const string Cy = "cy.cole@northwind.example";
    private static readonly DateTimeOffset Now = new(2026, 6, 2, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void Meeting_someone_for_the_first_time_within_48_hours_gets_a_briefing()
    {
        var world = new FollowUpWorld();
        world.Meeting("e1", Now.AddHours(24), TimeSpan.FromHours(1), "Intro call", Cy);

        var briefing = Assert.Single(world.Run(Now));

        Assert.Equal(FollowUpKind.BeforeMeeting, briefing.Kind);
        Assert.Equal("Before 'Intro call': first meeting with Cy Cole", briefing.Title);
        Assert.Equal(Now.AddHours(24), briefing.Due);
        Assert.Equal(Now.AddHours(23), briefing.Reminder);
        var entry = Assert.Single(briefing.Briefing);
        Assert.Equal((Cy, (DateTimeOffset?)null, "cold"), (entry.Address, entry.LastContact, entry.Tier));
    }

    [Fact]
    public void A_briefing_for_someone_not_seen_in_90_days_carries_last_contact_warmth_subject_and_introducer()
    {
        var world = new FollowUpWorld();
        var lastSpoke = Now.AddDays(-120);
        world.Acquaint(Ana, lastSpoke);

        // Bo introduced Dana and Ana, long before.
        world.Mail(lastSpoke.AddDays(-60), Bo, FollowUpWorld.Dana, Ana);
        world.Messages[^1] = world.Messages[^1] with { Subject = "Intro: Dana <> Ana" };
        world.Meeting("e1", Now.AddHours(30), TimeSpan.FromHours(1), "Catch-up", Ana);

        var briefing = Assert.Single(world.Run(Now));
        var entry = Assert.Single(briefing.Briefing);

        Assert.Equal("Before 'Catch-up': catch up on Ana Abe, last in touch February 2026", briefing.Title);
        Assert.Equal(lastSpoke, entry.LastContact);
        Assert.True(entry.Warmth > 0);
        Assert.Equal("Re: Thread 0 with Ana Abe", entry.LastSubject);
        Assert.Equal("Bo Berg", entry.IntroducedBy);
    }

    [Fact]
    public void Recent_contacts_and_meetings_beyond_48_hours_get_no_briefing()
    {
        var world = new FollowUpWorld();
        world.Acquaint(Ana, Now.AddDays(-10));
        world.Meeting("recent", Now.AddHours(5), TimeSpan.FromHours(1), "Weekly", Ana);
        world.Meeting("far", Now.AddHours(72), TimeSpan.FromHours(1), "Later", Cy);

        Assert.Empty(world.Run(Now));
    }

    [Fact]
    public void Only_the_people_worth_a_briefing_are_in_it()
    {
        var world = new FollowUpWorld();
        world.Acquaint(Ana, Now.AddDays(-10));
        world.Meeting("e1", Now.AddHours(5), TimeSpan.FromHours(1), "Kick-off", Ana, Cy);

        var briefing = Assert.Single(world.Run(Now));

        Assert.Equal([Cy], briefing.Contacts);
    }

    [Fact]
    public void A_declined_or_cancelled_meeting_gets_no_briefing()
    {
        var world = new FollowUpWorld();
        var declined = world.Meeting("e1", Now.AddHours(5), TimeSpan.FromHours(1), "No thanks", Cy);
        world.Replace(declined with { Response = AttendeeResponse.Declined, IsOrganizer = false });
        var cancelled = world.Meeting("e2", Now.AddHours(6), TimeSpan.FromHours(1), "Off", Cy);
        world.Replace(cancelled with { IsCancelled = true });

        Assert.Empty(world.Run(Now));
    }

    [Fact]
    public void A_briefing_stays_the_same_until_the_meeting_and_settles_when_it_starts()
    {
        var world = new FollowUpWorld();
        world.Meeting("e1", Now.AddHours(24), TimeSpan.FromHours(1), "Intro call", Cy);
        var created = Assert.Single(world.Run(Now));

        // Dana writes to Cy before the meeting: the briefing stays, unchanged, hour after hour.
        world.Mail(Now.AddHours(2), FollowUpWorld.Dana, Cy);
        for (var hour = 1; hour < 24; hour++)
        {
            Assert.Empty(world.Run(Now.AddHours(hour)));
        }

        var settled = Assert.Single(world.Run(Now.AddHours(24)));
        Assert.Equal(created.Id, settled.Id);
        Assert.Equal((FollowUpStatus.Done, FollowUpResolution.MeetingStarted), (settled.Status, settled.Resolution));
    }

    [Fact]
    public void A_rescheduled_meeting_moves_its_briefing_and_a_cancelled_one_withdraws_it()
    {
        var world = new FollowUpWorld();
        var meeting = world.Meeting("e1", Now.AddHours(24), TimeSpan.FromHours(1), "Intro call", Cy);
        world.Run(Now);

        world.Replace(meeting with { Start = Now.AddHours(30), End = Now.AddHours(31) });
        Assert.Equal(Now.AddHours(30), Assert.Single(world.Run(Now.AddHours(1))).Due);

        world.Replace(meeting with { Start = Now.AddHours(30), End = Now.AddHours(31), IsCancelled = true });
        Assert.Equal(FollowUpStatus.Withdrawn, Assert.Single(world.Run(Now.AddHours(2))).Status);
    }
}
