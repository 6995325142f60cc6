using System.Text.Json.Nodes;
using NetworkSync.Domain.FollowUps;
using NetworkSync.Storage;

namespace NetworkSync.App.Tests.FollowUps;

/// <summary>
/// The follow-up rules fed by a real sync: events in Graph's own JSON (zones spelt the Windows and the
/// IANA way, all-day, tentative, declined, recurring, rooms) through the emulator and the Graph client.
/// </summary>
public sealed class FollowUpSyncTests
{
    private const string Ana = "ana.abe@fabrikam.example";
    private const string Cy = "cy.cole@northwind.example";

    // Tuesday 2 June 2026, 20:00 UTC = 13:00 in Los Angeles.
    private static readonly DateTimeOffset Tuesday = new(2026, 6, 2, 20, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Graph_events_of_every_shape_yield_the_right_follow_ups_and_many_resyncs_change_nothing()
    {
        await using var mailbox = await FollowUpMailbox.StartAsync(Tuesday);
        var events = new[]
        {
            Event("windows", "2026-06-02T10:00:00", "2026-06-02T11:00:00", "Pacific Standard Time", "Windows zone", Ana),
            Event("iana", "2026-06-02T10:00:00", "2026-06-02T11:00:00", "America/Los_Angeles", "IANA zone", Cy),
            Event("all-day", "2026-06-01T00:00:00", "2026-06-02T00:00:00", "Pacific Standard Time", "Offsite", Ana, allDay: true),
            Event("tentative", "2026-06-02T08:00:00", "2026-06-02T09:00:00", "UTC", "Maybe", Ana, response: "tentativelyAccepted"),
            Event("declined", "2026-06-02T08:00:00", "2026-06-02T09:00:00", "UTC", "No", Ana, response: "declined"),
            Event("exception", "2026-06-02T07:00:00", "2026-06-02T07:30:00", "UTC", "Weekly 1:1 (moved)", Ana, type: "exception"),
            Event("room-only", "2026-06-02T06:00:00", "2026-06-02T07:00:00", "UTC", "Focus", "room-4@contoso.example", attendeeType: "resource"),
        };
        foreach (var graphEvent in events)
        {
            mailbox.Tenant.UpsertEvent(FollowUpMailbox.UserId, graphEvent);
        }

        await mailbox.SyncAsync();

        var byEvent = (await mailbox.FollowUpsAsync()).Where(f => f.Kind == FollowUpKind.AfterMeeting).ToDictionary(f => f.EventId!);
        Assert.Equal(["all-day", "iana", "tentative", "windows"], byEvent.Keys.Order(StringComparer.Ordinal));

        // Both spellings of the zone are the same instant, so the same due time: Wednesday 09:00 in Los Angeles.
        var wednesdayMorning = new DateTimeOffset(2026, 6, 3, 16, 0, 0, TimeSpan.Zero);
        Assert.Equal(wednesdayMorning, byEvent["windows"].Due);
        Assert.Equal(wednesdayMorning, byEvent["iana"].Due);
        Assert.Equal(new DateTimeOffset(2026, 6, 2, 16, 0, 0, TimeSpan.Zero), byEvent["all-day"].Due);
        Assert.Equal([Ana], byEvent["tentative"].Contacts);

        // Twenty more syncs, an hour apart: not one follow-up row changes.
        var versions = await VersionsAsync(mailbox);
        for (var i = 1; i <= 20; i++)
        {
            mailbox.Clock.Now = Tuesday.AddMinutes(3 * i);
            await mailbox.SyncAsync();
        }

        Assert.Equal(versions, await VersionsAsync(mailbox));
        Assert.Equal(4, mailbox.Tasks.Count);
    }

    [Fact]
    public async Task Rescheduled_and_cancelled_in_graph_the_follow_up_moves_or_goes_away()
    {
        await using var mailbox = await FollowUpMailbox.StartAsync(Tuesday);
        mailbox.Tenant.UpsertEvent(FollowUpMailbox.UserId, Event("moving", "2026-06-02T10:00:00", "2026-06-02T11:00:00", "Pacific Standard Time", "Proposal review", Ana));
        mailbox.Tenant.UpsertEvent(FollowUpMailbox.UserId, Event("going", "2026-06-02T09:00:00", "2026-06-02T09:30:00", "Pacific Standard Time", "Quick sync", Cy));
        await mailbox.SyncAsync();
        var before = (await mailbox.FollowUpsAsync()).ToDictionary(f => f.EventId!);

        // The organiser moves one meeting to Thursday; the other is cancelled after the fact.
        mailbox.Tenant.UpsertEvent(FollowUpMailbox.UserId, Event("moving", "2026-06-04T10:00:00", "2026-06-04T11:00:00", "Pacific Standard Time", "Proposal review", Ana));
        mailbox.Tenant.UpsertEvent(FollowUpMailbox.UserId, Event("going", "2026-06-02T09:00:00", "2026-06-02T09:30:00", "Pacific Standard Time", "Quick sync", Cy, cancelled: true));
        mailbox.Clock.Now = Tuesday.AddMinutes(30);
        await mailbox.SyncAsync();

        var all = await mailbox.FollowUpsAsync();
        var after = all.Where(f => f.Kind == FollowUpKind.AfterMeeting).ToDictionary(f => f.EventId!);
        Assert.Equal(2, after.Count);
        Assert.Equal(before["moving"].Id, after["moving"].Id);
        Assert.Equal(new DateTimeOffset(2026, 6, 5, 16, 0, 0, TimeSpan.Zero), after["moving"].Due);
        Assert.Equal(FollowUpStatus.Withdrawn, after["going"].Status);

        // Moved to within 48 hours, the meeting with Ana (never met, as it turns out) now gets a briefing too.
        var briefing = Assert.Single(all, f => f.Kind == FollowUpKind.BeforeMeeting);
        Assert.Equal(("moving", new DateTimeOffset(2026, 6, 4, 17, 0, 0, TimeSpan.Zero)), (briefing.EventId, briefing.Due));

        // In To Do: the moved task's due date moved with it, the cancelled one's task is gone.
        Assert.Equal(2, mailbox.Tasks.Count);
        var task = mailbox.TaskFor(after["moving"].Id);
        Assert.Equal("2026-06-05T09:00:00.0000000", (string?)task["dueDateTime"]!["dateTime"]);
    }

    [Fact]
    public async Task Mail_to_the_attendee_after_the_meeting_completes_the_follow_up_and_its_task()
    {
        await using var mailbox = await FollowUpMailbox.StartAsync(Tuesday);
        mailbox.Tenant.UpsertEvent(FollowUpMailbox.UserId, Event("e1", "2026-06-02T10:00:00", "2026-06-02T11:00:00", "Pacific Standard Time", "Proposal review", Ana));
        await mailbox.SyncAsync();
        Assert.Equal("notStarted", (string?)Assert.Single(mailbox.Tasks)["status"]);

        mailbox.Tenant.UpsertMessage(FollowUpMailbox.UserId, "sentitems", new JsonObject
        {
            ["id"] = "m-thanks",
            ["sentDateTime"] = "2026-06-02T20:30:00Z",
            ["receivedDateTime"] = "2026-06-02T20:30:00Z",
            ["subject"] = "Thanks for today",
            ["from"] = new JsonObject { ["emailAddress"] = new JsonObject { ["name"] = "Dana Whitfield", ["address"] = FollowUpMailbox.Dana } },
            ["toRecipients"] = new JsonArray(new JsonObject { ["emailAddress"] = new JsonObject { ["name"] = "Ana Abe", ["address"] = Ana } }),
        });
        mailbox.Clock.Now = Tuesday.AddHours(1);
        await mailbox.SyncAsync();

        var followUp = Assert.Single(await mailbox.FollowUpsAsync());
        Assert.Equal((FollowUpStatus.Done, FollowUpResolution.Mailed), (followUp.Status, followUp.Resolution));
        Assert.Equal("completed", (string?)Assert.Single(mailbox.Tasks)["status"]);
    }

    private static async Task<Dictionary<string, long>> VersionsAsync(FollowUpMailbox mailbox)
    {
        await using var context = mailbox.Database.CreateContext();
        return context.FollowUps.ToDictionary(f => f.Id, f => f.Version);
    }

    private static JsonObject Event(
        string id,
        string start,
        string end,
        string zone,
        string subject,
        string other,
        bool allDay = false,
        bool cancelled = false,
        string response = "organizer",
        string type = "singleInstance",
        string attendeeType = "required")
    {
        var organizer = response == "organizer" ? FollowUpMailbox.Dana : other;
        var graphEvent = new JsonObject
        {
            ["id"] = id,
            ["type"] = type,
            ["subject"] = subject,
            ["isAllDay"] = allDay,
            ["isCancelled"] = cancelled,
            ["isOrganizer"] = response == "organizer",
            ["responseStatus"] = new JsonObject { ["response"] = response },
            ["start"] = new JsonObject { ["dateTime"] = start + ".0000000", ["timeZone"] = zone },
            ["end"] = new JsonObject { ["dateTime"] = end + ".0000000", ["timeZone"] = zone },
            ["organizer"] = new JsonObject { ["emailAddress"] = new JsonObject { ["address"] = organizer } },
            ["attendees"] = new JsonArray(
                new JsonObject
                {
                    ["type"] = attendeeType,
                    ["status"] = new JsonObject { ["response"] = "accepted" },
                    ["emailAddress"] = new JsonObject { ["address"] = other },
                },
                new JsonObject
                {
                    ["type"] = "required",
                    ["status"] = new JsonObject { ["response"] = response == "organizer" ? "none" : response },
                    ["emailAddress"] = new JsonObject { ["address"] = FollowUpMailbox.Dana },
                }),
        };
        if (type != "singleInstance")
        {
            graphEvent["seriesMasterId"] = "series-" + id;
        }

        return graphEvent;
    }
}
