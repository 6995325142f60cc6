using System.Text.Json.Nodes;
using NetworkSync.GraphEmulator;

namespace NetworkSync.Sync.Tests;

/// <summary>
/// delta-query-overview: "updated instances are represented by their id with at least the properties that
/// have been updated" and "your application must be prepared for replays". The emulator's partial-update
/// and replay modes send exactly that; the stored data must come out as with whole items sent once.
/// </summary>
public sealed class PartialUpdateAndReplayTests
{
    [Fact]
    public async Task A_partial_update_changes_what_it_carries_and_keeps_the_stored_recipients_and_sender()
    {
        var fixture = new TestFixture().AddMessages("inbox", 5);
        var original = fixture.NewMessage("inbox", "ana@fabrikam.example", TestFixture.Start.AddDays(1));
        original["ccRecipients"] = new JsonArray(TestFixture.Recipient("ben@fabrikam.example", "Ben"));
        fixture.Add("inbox", original);
        await using var harness = await SyncHarness.StartAsync(fixture, o => o.MailFolders = ["inbox"], e => e with { PartialUpdates = true });
        Assert.True((await harness.SyncAsync()).Succeeded);
        var id = original["id"]!.GetValue<string>();
        var before = Assert.Single(await harness.DumpAsync(), r => r.StartsWith(id + "|", StringComparison.Ordinal));

        // Only the subject changes; Graph may send {id, subject} and nothing else.
        var renamed = original.DeepClone().AsObject();
        renamed["subject"] = "Renamed thread";
        harness.Emulator.Tenant.UpsertMessage(TestFixture.UserId, "inbox", renamed);
        harness.Emulator.Requests.Clear();

        var result = await harness.SyncAsync();

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(0, Assert.Single(result.Collections, c => c.Collection == "messages:inbox").Skipped);
        var after = Assert.Single(await harness.DumpAsync(), r => r.StartsWith(id + "|", StringComparison.Ordinal));
        Assert.Equal(before.Replace("|Subject " + id, "|Renamed thread", StringComparison.Ordinal), after);
        Assert.Contains("ana@fabrikam.example", after, StringComparison.Ordinal);
        Assert.Contains("ben@fabrikam.example", after, StringComparison.Ordinal);
        Assert.Contains(TestFixture.Mail, after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_partial_update_of_one_recipient_list_keeps_the_others()
    {
        var fixture = new TestFixture();
        var original = fixture.NewMessage("inbox", "ana@fabrikam.example", TestFixture.Start);
        original["ccRecipients"] = new JsonArray(TestFixture.Recipient("ben@fabrikam.example", "Ben"));
        fixture.Add("inbox", original);
        await using var harness = await SyncHarness.StartAsync(fixture, o => o.MailFolders = ["inbox"], e => e with { PartialUpdates = true });
        Assert.True((await harness.SyncAsync()).Succeeded);

        var readdressed = original.DeepClone().AsObject();
        readdressed["toRecipients"] = new JsonArray(TestFixture.Recipient(TestFixture.Mail, "Dana Whitfield"), TestFixture.Recipient("cara@fabrikam.example", "Cara"));
        harness.Emulator.Tenant.UpsertMessage(TestFixture.UserId, "inbox", readdressed);

        Assert.True((await harness.SyncAsync()).Succeeded);

        var row = Assert.Single(await harness.DumpAsync());
        Assert.Contains("cara@fabrikam.example", row, StringComparison.Ordinal);
        Assert.Contains("ben@fabrikam.example", row, StringComparison.Ordinal);
        Assert.Contains("ana@fabrikam.example", row, StringComparison.Ordinal); // the sender
    }

    [Fact]
    public async Task A_partial_update_that_moves_a_meeting_keeps_its_attendees_organizer_and_subject()
    {
        var start = new DateTimeOffset(DateTimeOffset.UtcNow.UtcDateTime.Date, TimeSpan.Zero).AddDays(3).AddHours(9);
        var fixture = new TestFixture()
            .AddEvent(TestFixture.NewEvent("AAMkEvtMove", start, TimeSpan.FromHours(1), "ana@fabrikam.example", "ben@fabrikam.example"));
        await using var harness = await SyncHarness.StartAsync(fixture, o => o.MailFolders = ["inbox"], e => e with { PartialUpdates = true });
        Assert.True((await harness.SyncAsync()).Succeeded);
        var before = Assert.Single(await harness.DumpAsync());

        // The meeting moves by two hours: Graph may send {id, start, end} and nothing else.
        harness.Emulator.Tenant.UpsertEvent(TestFixture.UserId, TestFixture.NewEvent("AAMkEvtMove", start.AddHours(2), TimeSpan.FromHours(1), "ana@fabrikam.example", "ben@fabrikam.example"));
        var result = await harness.SyncAsync();

        Assert.True(result.Succeeded, result.Error);
        var after = Assert.Single(await harness.DumpAsync());
        var startMs = start.ToUnixTimeMilliseconds();
        var twoHours = (long)TimeSpan.FromHours(2).TotalMilliseconds;
        Assert.Equal(
            before.Replace($"|{startMs}|{startMs + 3_600_000}|", $"|{startMs + twoHours}|{startMs + twoHours + 3_600_000}|", StringComparison.Ordinal),
            after);
        Assert.Contains("ana@fabrikam.example", after, StringComparison.Ordinal);
        Assert.Contains("ben@fabrikam.example", after, StringComparison.Ordinal);
        Assert.Contains("Meeting AAMkEvtMove", after, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Replayed_pages_change_nothing_against_a_sync_that_saw_each_page_once()
    {
        var now = DateTimeOffset.UtcNow;
        TestFixture Fixture()
        {
            var fixture = new TestFixture().AddMessages("inbox", 23).AddMessages("sentitems", 7);
            fixture.AddEvent(TestFixture.NewEvent("AAMkEvtR1", now.AddDays(-3), TimeSpan.FromHours(1), "ana@fabrikam.example"));
            fixture.AddEvent(TestFixture.NewEvent("AAMkEvtR2", now.AddDays(4), TimeSpan.FromHours(1), "ben@fabrikam.example"));
            return fixture;
        }

        static void Change(GraphEmulator.GraphEmulator emulator, TestFixture fixture)
        {
            emulator.Tenant.UpsertMessage(TestFixture.UserId, "inbox", fixture.NewMessage("inbox", "late@fabrikam.example", TestFixture.Start.AddDays(9)));
            emulator.Tenant.DeleteMessage(TestFixture.UserId, "AAMkMsg000004");
            emulator.Tenant.MoveMessage(TestFixture.UserId, "AAMkMsg000005", "sentitems");
            emulator.Tenant.DeleteEvent(TestFixture.UserId, "AAMkEvtR2");
        }

        var onceFixture = Fixture();
        await using var once = await SyncHarness.StartAsync(onceFixture, o => o.PageSize = 10);
        var replayFixture = Fixture();
        await using var replayed = await SyncHarness.StartAsync(replayFixture, o => o.PageSize = 10, e => e with { ReplayDeltaPages = true });

        Assert.True((await once.SyncAsync()).Succeeded);
        var first = await replayed.SyncAsync();
        Assert.True(first.Succeeded, first.Error);
        Assert.Equal(await once.DumpAsync(), await replayed.DumpAsync());

        Change(once.Emulator, onceFixture);
        Change(replayed.Emulator, replayFixture);
        once.Emulator.Requests.Clear();
        replayed.Emulator.Requests.Clear();
        Assert.True((await once.SyncAsync()).Succeeded);
        var second = await replayed.SyncAsync();

        Assert.True(second.Succeeded, second.Error);
        Assert.Equal(await once.DumpAsync(), await replayed.DumpAsync());

        // Each page really was served twice.
        Assert.Equal(
            2 * once.Emulator.Requests.Count(EndpointKind.MessagesDelta),
            replayed.Emulator.Requests.Count(EndpointKind.MessagesDelta));
        Assert.Equal(
            2 * once.Emulator.Requests.Count(EndpointKind.CalendarViewDelta),
            replayed.Emulator.Requests.Count(EndpointKind.CalendarViewDelta));
    }
}
