using System.Text.Json;
using NetworkSync.App.Api;
using NetworkSync.Application.Context;
using static NetworkSync.App.Tests.Api.HandBuiltNetwork;

namespace NetworkSync.App.Tests.Api;

public sealed class PersonContextTests(HandBuiltFixture fixture) : IClassFixture<HandBuiltFixture>
{
    private Task<PersonContext?> ContextAsync(string address) =>
        fixture.Services.Contexts.GetAsync(fixture.Mailbox, address, CancellationToken.None);

    [Fact]
    public async Task Timeline_is_the_ten_newest_messages_and_meetings_with_subjects_newest_first()
    {
        var ana = (await ContextAsync(Ana))!;

        Assert.Equal(
            [
                ("2026-06-05T10:00:00Z", "received", "Re: Re: proposal"),
                ("2026-06-01T10:00:00Z", "sent", "Re: proposal"),
                ("2026-05-20T15:00:00Z", "meeting", "Proposal review"),
                ("2026-05-08T10:00:00Z", "sent", "Re: Budget"),
                ("2026-05-07T10:00:00Z", "received", "Re: Budget"),
                ("2026-05-06T10:00:00Z", "sent", "Re: Budget"),
                ("2026-05-05T10:00:00Z", "received", "Budget"),
                ("2026-04-20T10:00:00Z", "sent", "Re: Proposal"),
                ("2026-04-04T10:00:00Z", "sent", "Re: Proposal"),
                ("2026-04-03T10:00:00Z", "received", "Proposal"),
            ],
            ana.Timeline.Select(t => (t.At.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", System.Globalization.CultureInfo.InvariantCulture), t.Kind, t.Subject)).ToList());
        Assert.Equal((7, 7, 1), (ana.Interactions.Sent, ana.Interactions.Received, ana.Interactions.Meetings));
    }

    [Fact]
    public async Task The_answer_carries_metadata_only_never_a_body_or_preview()
    {
        var ana = (await ContextAsync(Ana))!;
        var json = JsonSerializer.Serialize(ana, NetworkApiJsonContext.Default.PersonContext);

        using var document = JsonDocument.Parse(json);
        var timelineFields = document.RootElement.GetProperty("timeline").EnumerateArray().SelectMany(e => e.EnumerateObject().Select(p => p.Name)).Distinct().Order();
        Assert.Equal(["at", "kind", "subject"], timelineFields);
        Assert.DoesNotContain("body", json, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("preview", json, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("\"lastContact\":\"2026-06-05T10:00:00Z\"", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Owes_reply_only_for_a_recent_unanswered_mail_to_the_user_from_a_person()
    {
        Assert.True((await ContextAsync(Ana))!.Flags.OwesReply);      // she wrote last, 5 days ago
        Assert.False((await ContextAsync(Ben))!.Flags.OwesReply);     // Dana answered the next day
        Assert.False((await ContextAsync(Cara))!.Flags.OwesReply);    // unanswered, but 51 days ago
        Assert.False((await ContextAsync(Dave))!.Flags.OwesReply);    // Dana was only copied
        var robot = (await ContextAsync(Robot))!;
        Assert.True(robot.Flags.Automated);
        Assert.False(robot.Flags.OwesReply);
    }

    [Fact]
    public async Task An_address_never_seen_is_a_first_contact_with_empty_lists()
    {
        var stranger = (await ContextAsync("stranger@nowhere.example"))!;

        Assert.Equal("stranger@nowhere.example", stranger.Address);
        Assert.False(stranger.Known);
        Assert.True(stranger.Flags.FirstContact);
        Assert.Equal((0d, "cold"), (stranger.Warmth, stranger.Tier));
        Assert.Empty(stranger.Timeline);
        Assert.Empty(stranger.Meetings.Upcoming);
        Assert.Empty(stranger.Meetings.Recent);
        Assert.Empty(stranger.FollowUps);
        Assert.Null(stranger.LastContact);
        Assert.False((await ContextAsync(Ana))!.Flags.FirstContact);
    }

    [Fact]
    public async Task A_first_contact_already_invited_shows_the_meeting_ahead()
    {
        var newbie = (await ContextAsync(Newbie))!;

        Assert.False(newbie.Known);
        Assert.True(newbie.Flags.FirstContact);
        Assert.Equal("ev-kickoff", Assert.Single(newbie.Meetings.Upcoming).Id);
        Assert.Empty(newbie.Timeline);
    }

    [Fact]
    public async Task Meetings_ahead_leave_out_cancelled_ones_and_meetings_held_are_recent()
    {
        var ana = (await ContextAsync(Ana))!;

        var upcoming = Assert.Single(ana.Meetings.Upcoming);
        Assert.Equal(("ev-kickoff", "Kickoff", At("2026-06-12T15:00:00Z"), At("2026-06-12T16:00:00Z")), (upcoming.Id, upcoming.Subject, upcoming.Start, upcoming.End));
        var recent = Assert.Single(ana.Meetings.Recent);
        Assert.Equal(("ev-review", "Proposal review"), (recent.Id, recent.Subject));
        Assert.Equal(At("2026-05-20T15:00:00Z"), ana.LastMeeting);
    }

    [Fact]
    public async Task An_alias_resolves_to_the_person_it_was_merged_into()
    {
        var viaOld = (await ContextAsync(ErinOld))!;
        var viaNew = (await ContextAsync(ErinNew))!;

        Assert.Equal(ErinOld, viaOld.Address);
        Assert.True(viaOld.Known);
        Assert.Equal([ErinNew], viaOld.OtherAddresses);
        Assert.Equal([ErinOld], viaNew.OtherAddresses);
        Assert.Equal((2, 2), (viaOld.Interactions.Sent, viaOld.Interactions.Received));
        Assert.Equal(viaNew.Warmth, viaOld.Warmth);
        Assert.Equal(["Re: New job", "New job", "Re: Hello again", "Hello again"], viaOld.Timeline.Select(t => t.Subject));
    }

    [Fact]
    public async Task Follow_ups_are_the_open_and_snoozed_ones_naming_any_of_the_persons_addresses()
    {
        Assert.Equal([fixture.AnaOpen.Id], (await ContextAsync(Ana))!.FollowUps.Select(f => f.Id));
        var ben = Assert.Single((await ContextAsync(Ben))!.FollowUps);
        Assert.Equal((fixture.BenSnoozed.Id, "snoozed"), (ben.Id, ben.Status));
        Assert.Equal([fixture.ErinOpen.Id], (await ContextAsync(ErinNew))!.FollowUps.Select(f => f.Id));
        Assert.Empty((await ContextAsync(Cara))!.FollowUps);
    }

    [Fact]
    public async Task The_users_own_address_has_no_context()
    {
        Assert.Null(await ContextAsync(FollowUps.FollowUpMailbox.Dana));
    }

    [Fact]
    public async Task Scores_and_flags_are_the_relationship_models()
    {
        var scored = await fixture.Services.Scores.GetAsync(fixture.Mailbox, Now, includeAutomated: true, CancellationToken.None);
        foreach (var summary in scored)
        {
            var context = (await ContextAsync(summary.Address))!;
            Assert.Equal(
                (summary.Warmth, summary.Tier, summary.Dormant, summary.Cooling, summary.Automated, summary.LastContact, summary.DisplayName),
                (context.Warmth, context.Tier, context.Flags.Dormant, context.Flags.Cooling, context.Flags.Automated, context.LastContact, context.DisplayName));
            Assert.Equal(summary.Reasons, context.Reasons);
        }

        Assert.True((await ContextAsync(Gina))!.Flags.Cooling);
        Assert.True((await ContextAsync(Hal))!.Flags.Dormant);
    }
}
