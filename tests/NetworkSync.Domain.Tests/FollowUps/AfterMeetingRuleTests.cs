using NetworkSync.Domain.FollowUps;
using NetworkSync.Domain.Metadata;

namespace NetworkSync.Domain.Tests.FollowUps;

public sealed class AfterMeetingRuleTests
{
    private const string Ana = "ana.abe@fabrikam.example";
    private const string Bo = "bo.berg@fabrikam.example";

    // Monday 1 June 2026; Pacific daylight time is UTC-7, so 09:00 there is 16:00 UTC.
    private static readonly DateTimeOffset Tuesday = new(2026, 6, 2, 0, 0, 0, TimeSpan.Zero);

    [Fact]
    public void An_ended_meeting_gets_one_follow_up_due_the_next_working_morning_in_the_users_zone()
    {
        var world = new FollowUpWorld();
        world.Meeting("e1", Tuesday.AddHours(17), TimeSpan.FromHours(1), "Proposal review", Ana, Bo);

        var created = Assert.Single(world.Run(Tuesday.AddHours(19)));

        Assert.Equal(FollowUpKind.AfterMeeting, created.Kind);
        Assert.Equal("e1", created.EventId);
        Assert.Equal("Follow up with Ana Abe (and 1 other) after 'Proposal review'", created.Title);
        Assert.Equal([Ana, Bo], created.Contacts);
        Assert.Equal(new DateTimeOffset(2026, 6, 3, 16, 0, 0, TimeSpan.Zero), created.Due);
        Assert.Equal(FollowUpStatus.Open, created.Status);
        Assert.Equal(FollowUpKeys.IdFor("u1", "after-meeting:e1"), created.Id);
    }

    [Fact]
    public void A_friday_meeting_is_followed_up_on_monday()
    {
        var world = new FollowUpWorld();
        var friday = new DateTimeOffset(2026, 6, 5, 20, 0, 0, TimeSpan.Zero);
        world.Meeting("e1", friday, TimeSpan.FromHours(1), "Wrap-up", Ana);

        var created = Assert.Single(world.Run(friday.AddHours(2)));

        Assert.Equal(new DateTimeOffset(2026, 6, 8, 16, 0, 0, TimeSpan.Zero), created.Due);
    }

    [Theory]
    [InlineData("Pacific Standard Time")]
    [InlineData("America/Los_Angeles")]
    public void The_working_day_is_the_users_day_whatever_the_zone_spelling(string zone)
    {
        // Tuesday 23:00-23:30 in Los Angeles is already Wednesday in UTC; the follow-up is still due Wednesday 09:00 there.
        var world = new FollowUpWorld { Schedule = new WorkingSchedule { TimeZone = zone } };
        world.Meeting("e1", new DateTimeOffset(2026, 6, 3, 6, 0, 0, TimeSpan.Zero), TimeSpan.FromMinutes(30), "Late call", Ana);

        var created = Assert.Single(world.Run(new DateTimeOffset(2026, 6, 3, 7, 0, 0, TimeSpan.Zero)));

        Assert.Equal(new DateTimeOffset(2026, 6, 3, 16, 0, 0, TimeSpan.Zero), created.Due);
    }

    [Fact]
    public void An_all_day_meeting_is_followed_up_the_next_day_not_the_one_after()
    {
        // All day Wednesday 3 June in Los Angeles: 07:00 UTC Wednesday to 07:00 UTC Thursday.
        var world = new FollowUpWorld();
        var meeting = world.Meeting("e1", new DateTimeOffset(2026, 6, 3, 7, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(1), "Offsite", Ana);
        world.Replace(meeting with { IsAllDay = true });

        var created = Assert.Single(world.Run(new DateTimeOffset(2026, 6, 4, 8, 0, 0, TimeSpan.Zero)));

        Assert.Equal(new DateTimeOffset(2026, 6, 4, 16, 0, 0, TimeSpan.Zero), created.Due);
    }

    [Fact]
    public void A_multi_day_meeting_is_followed_up_after_its_last_day()
    {
        // Monday to Wednesday, all day in Los Angeles.
        var world = new FollowUpWorld();
        var meeting = world.Meeting("e1", new DateTimeOffset(2026, 6, 1, 7, 0, 0, TimeSpan.Zero), TimeSpan.FromDays(3), "Conference", Ana);
        world.Replace(meeting with { IsAllDay = true });

        Assert.Empty(world.Run(new DateTimeOffset(2026, 6, 3, 12, 0, 0, TimeSpan.Zero)));
        var created = Assert.Single(world.Run(new DateTimeOffset(2026, 6, 4, 8, 0, 0, TimeSpan.Zero)));

        Assert.Equal(new DateTimeOffset(2026, 6, 4, 16, 0, 0, TimeSpan.Zero), created.Due);
    }

    [Theory]
    [InlineData(false, AttendeeResponse.Accepted, true)]
    [InlineData(false, AttendeeResponse.TentativelyAccepted, true)]
    [InlineData(false, AttendeeResponse.NotResponded, true)]
    [InlineData(false, AttendeeResponse.Declined, false)]
    [InlineData(true, AttendeeResponse.Accepted, false)]
    public void Only_meetings_the_user_attended_count(bool cancelled, AttendeeResponse response, bool expected)
    {
        // Dana is an attendee here; Ana organises.
        var world = new FollowUpWorld();
        world.Events.Add(new EventMetadata
        {
            Id = "e1",
            Start = Tuesday.AddHours(17),
            End = Tuesday.AddHours(18),
            Subject = "Their meeting",
            IsCancelled = cancelled,
            IsOrganizer = false,
            Response = response,
            Organizer = new Participant(Ana, "Ana Abe"),
            Attendees = [new Attendee(new Participant(FollowUpWorld.Dana, "Dana"), AttendeeKind.Required, response)],
        });

        var changes = world.Run(Tuesday.AddHours(19));

        Assert.Equal(expected, changes.Count == 1);
        if (expected)
        {
            Assert.Equal([Ana], changes[0].Contacts);
        }
    }

    [Theory]
    [InlineData("occurrence", false, 0)]
    [InlineData("exception", false, 0)]
    [InlineData("occurrence", true, 1)]
    [InlineData("exception", true, 1)]
    [InlineData("singleInstance", false, 1)]
    public void Recurring_instances_are_left_out_unless_asked_for(string type, bool includeRecurring, int expected)
    {
        var world = new FollowUpWorld { Options = new FollowUpOptions { IncludeRecurring = includeRecurring } };
        var meeting = world.Meeting("e1", Tuesday.AddHours(17), TimeSpan.FromHours(1), "Weekly", Ana);
        world.Replace(meeting with { Type = type, SeriesMasterId = type == "singleInstance" ? null : "series-1" });

        Assert.Equal(expected, world.Run(Tuesday.AddHours(19)).Count);
    }

    [Theory]
    [InlineData(9, 1)]
    [InlineData(10, 0)]
    public void Meetings_with_more_than_ten_attendees_are_left_out(int others, int expected)
    {
        // The count includes Dana herself: 9 others + Dana = 10 is allowed, 10 others + Dana = 11 is not.
        var world = new FollowUpWorld();
        world.Meeting("e1", Tuesday.AddHours(17), TimeSpan.FromHours(1), "Big", Enumerable.Range(0, others).Select(i => $"p{i}@fabrikam.example").ToArray());

        Assert.Equal(expected, world.Run(Tuesday.AddHours(19)).Count);
    }

    [Fact]
    public void Rooms_lists_robots_and_the_users_own_addresses_are_not_people_to_follow_up()
    {
        var world = new FollowUpWorld();
        var meeting = world.Meeting("e1", Tuesday.AddHours(17), TimeSpan.FromHours(1), "Mixed", "all-staff@contoso.example", FollowUpWorld.DanaAlias, Ana);
        world.Replace(meeting with
        {
            Attendees =
            [
                .. meeting.Attendees,
                new Attendee(new Participant("room-4@contoso.example", "Room 4"), AttendeeKind.Resource, AttendeeResponse.Accepted),
                new Attendee(new Participant(Bo, "Bo Berg"), AttendeeKind.Optional, AttendeeResponse.Declined),
            ],
        });

        var created = Assert.Single(world.Run(Tuesday.AddHours(19)));

        Assert.Equal([Ana], created.Contacts);
        Assert.Equal("Follow up with Ana Abe after 'Mixed'", created.Title);
    }

    [Fact]
    public void A_meeting_with_only_a_room_and_a_list_gets_no_follow_up()
    {
        var world = new FollowUpWorld();
        var meeting = world.Meeting("e1", Tuesday.AddHours(17), TimeSpan.FromHours(1), "Focus time", "everyone@contoso.example");
        world.Replace(meeting with
        {
            Attendees = [.. meeting.Attendees, new Attendee(new Participant("room-4@contoso.example", "Room 4"), AttendeeKind.Resource, AttendeeResponse.Accepted)],
        });

        Assert.Empty(world.Run(Tuesday.AddHours(19)));
    }

    [Fact]
    public void A_bulk_sender_on_the_invite_is_a_list_not_a_person()
    {
        var world = new FollowUpWorld();
        for (var i = 0; i < 30; i++)
        {
            var post = world.Mail(Tuesday.AddDays(-40 + i), "design-team@fabrikam.example", FollowUpWorld.Dana);
            world.Messages[^1] = post with { InferenceClassification = "other" };
        }

        world.Meeting("e1", Tuesday.AddHours(17), TimeSpan.FromHours(1), "Design sync", "design-team@fabrikam.example", Ana);

        Assert.Equal([Ana], Assert.Single(world.Run(Tuesday.AddHours(19))).Contacts);
    }

    [Fact]
    public void Mail_to_an_attendee_after_the_meeting_settles_it_and_mail_before_does_not()
    {
        var world = new FollowUpWorld();
        world.Meeting("e1", Tuesday.AddHours(17), TimeSpan.FromHours(1), "Proposal review", Ana, Bo);
        world.Mail(Tuesday.AddHours(16), FollowUpWorld.Dana, Bo);

        Assert.Equal(FollowUpStatus.Open, Assert.Single(world.Run(Tuesday.AddHours(19))).Status);

        world.Mail(Tuesday.AddHours(20), FollowUpWorld.DanaAlias, Bo);
        var settled = Assert.Single(world.Run(Tuesday.AddHours(21)));

        Assert.Equal(FollowUpStatus.Done, settled.Status);
        Assert.Equal(FollowUpResolution.Mailed, settled.Resolution);
        Assert.Equal(Tuesday.AddHours(20), settled.CompletedAt);
    }

    [Fact]
    public void When_the_mail_already_exists_the_follow_up_is_never_opened()
    {
        var world = new FollowUpWorld();
        world.Meeting("e1", Tuesday.AddHours(17), TimeSpan.FromHours(1), "Proposal review", Ana);
        world.Mail(Tuesday.AddHours(18).AddMinutes(5), FollowUpWorld.Dana, Ana);

        var created = Assert.Single(world.Run(Tuesday.AddHours(19)));

        Assert.Equal(FollowUpStatus.Done, created.Status);
        Assert.Equal(FollowUpResolution.Mailed, created.Resolution);
    }

    [Fact]
    public void Many_runs_make_exactly_one_follow_up_and_change_nothing_after_the_first()
    {
        var world = new FollowUpWorld();
        world.Meeting("e1", Tuesday.AddHours(17), TimeSpan.FromHours(1), "Proposal review", Ana, Bo);

        Assert.Single(world.Run(Tuesday.AddHours(19)));
        for (var run = 0; run < 50; run++)
        {
            Assert.Empty(world.Run(Tuesday.AddHours(19).AddMinutes(run * 15)));
        }

        Assert.Single(world.All);
    }

    [Fact]
    public void A_rescheduled_meeting_moves_its_follow_up_instead_of_adding_one()
    {
        var world = new FollowUpWorld();
        var meeting = world.Meeting("e1", Tuesday.AddHours(17), TimeSpan.FromHours(1), "Proposal review", Ana);
        var first = Assert.Single(world.Run(Tuesday.AddHours(19)));

        // Moved to Thursday (the organiser fixed the calendar after the fact) and later to next week.
        world.Replace(meeting with { Start = Tuesday.AddDays(2).AddHours(17), End = Tuesday.AddDays(2).AddHours(18) });
        var moved = Assert.Single(world.Run(Tuesday.AddDays(2).AddHours(19)));
        world.Replace(meeting with { Start = Tuesday.AddDays(7).AddHours(17), End = Tuesday.AddDays(7).AddHours(18) });
        var movedAgain = Assert.Single(world.Run(Tuesday.AddDays(3)));

        Assert.Equal(first.Id, moved.Id);
        Assert.Equal(new DateTimeOffset(2026, 6, 5, 16, 0, 0, TimeSpan.Zero), moved.Due);
        Assert.Equal(new DateTimeOffset(2026, 6, 10, 16, 0, 0, TimeSpan.Zero), movedAgain.Due);
        Assert.Single(world.All);
    }

    [Fact]
    public void A_meeting_cancelled_after_the_fact_withdraws_an_open_follow_up_but_not_a_done_one()
    {
        var world = new FollowUpWorld();
        var open = world.Meeting("e1", Tuesday.AddHours(17), TimeSpan.FromHours(1), "Proposal review", Ana);
        var done = world.Meeting("e2", Tuesday.AddHours(15), TimeSpan.FromHours(1), "Earlier", Bo);
        world.Run(Tuesday.AddHours(19));
        world.Put(FollowUpLifecycle.Complete(world.Get("after-meeting:e2"), Tuesday.AddHours(19)));

        world.Replace(open with { IsCancelled = true });
        world.Replace(done with { IsCancelled = true });
        var changes = world.Run(Tuesday.AddHours(20));

        var withdrawn = Assert.Single(changes);
        Assert.Equal(FollowUpStatus.Withdrawn, withdrawn.Status);
        Assert.Equal("after-meeting:e1", withdrawn.Key);
        Assert.Equal(FollowUpStatus.Done, world.Get("after-meeting:e2").Status);
        Assert.Equal(["after-meeting:e2"], world.Visible.Select(r => r.Key));
    }

    [Fact]
    public void A_deleted_meeting_withdraws_its_follow_up_and_a_second_run_changes_nothing()
    {
        var world = new FollowUpWorld();
        world.Meeting("e1", Tuesday.AddHours(17), TimeSpan.FromHours(1), "Proposal review", Ana);
        world.Run(Tuesday.AddHours(19));

        world.Events.Clear();

        Assert.Equal(FollowUpStatus.Withdrawn, Assert.Single(world.Run(Tuesday.AddHours(20))).Status);
        Assert.Empty(world.Run(Tuesday.AddHours(21)));
    }

    [Fact]
    public void Meetings_not_yet_ended_or_ended_before_the_look_back_get_none()
    {
        var world = new FollowUpWorld();
        world.Meeting("later", Tuesday.AddHours(20), TimeSpan.FromHours(1), "Later today", Ana);
        world.Meeting("old", Tuesday.AddDays(-10), TimeSpan.FromHours(1), "Long ago", Bo);

        Assert.DoesNotContain(world.Run(Tuesday.AddHours(19)), r => r.Kind == FollowUpKind.AfterMeeting);
    }

    [Fact]
    public void A_snoozed_follow_up_is_open_again_once_the_snooze_ends_and_reruns_keep_the_snooze()
    {
        var world = new FollowUpWorld();
        world.Meeting("e1", Tuesday.AddHours(17), TimeSpan.FromHours(1), "Proposal review", Ana);
        world.Run(Tuesday.AddHours(19));
        var until = Tuesday.AddDays(3);
        world.Put(FollowUpLifecycle.Snooze(world.Get("after-meeting:e1"), Tuesday.AddHours(19), until));

        Assert.Empty(world.Run(Tuesday.AddHours(22)));
        var record = world.Get("after-meeting:e1");

        Assert.Equal(FollowUpStatus.Snoozed, record.StatusAt(until.AddMinutes(-1)));
        Assert.Equal(FollowUpStatus.Open, record.StatusAt(until));
        Assert.Throws<ArgumentOutOfRangeException>(() => FollowUpLifecycle.Snooze(record, until, until.AddDays(-1)));
    }
}
