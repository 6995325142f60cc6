using System.Text.Json.Nodes;
using NetworkSync.Domain.Metadata;
using NetworkSync.Storage;

namespace NetworkSync.Sync.Tests.Hostile;

/// <summary>Huge audiences, missing or null fields and duplicated ids: each handled without losing the rest of the page.</summary>
public sealed class ShapeTests
{
    [Fact]
    public async Task A_message_to_ten_thousand_people_is_stored_whole_and_treated_as_a_crowd_not_as_ten_thousand_friends()
    {
        var fixture = new TestFixture();

        // A real two-way relationship to compare with: four exchanges with one friend.
        for (var i = 0; i < 4; i++)
        {
            fixture.Add("inbox", fixture.NewMessage("inbox", "friend@fabrikam.example", TestFixture.Start.AddDays(i * 7)));
            fixture.Add("sentitems", fixture.NewMessage("sentitems", "friend@fabrikam.example", TestFixture.Start.AddDays((i * 7) + 1)));
        }

        var blast = fixture.NewMessage("sentitems", "crowd0@crowd.example", TestFixture.Start.AddDays(28));
        blast["id"] = "AAMkBlast";
        blast["toRecipients"] = new JsonArray([.. Enumerable.Range(0, 10_000).Select(i => (JsonNode)TestFixture.Recipient($"crowd{i}@crowd.example", $"Crowd {i}"))]);
        fixture.Add("sentitems", blast);
        await using var harness = await SyncHarness.StartAsync(fixture);

        var result = await harness.SyncAsync();

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal((9L, 0L), await harness.CountAsync());
        Assert.Equal(10_000, await HostileDataHarness.ScalarAsync(harness, "SELECT RecipientCount FROM Messages WHERE Id = 'AAMkBlast';"));
        var messages = await HostileDataHarness.MessagesAsync(harness);
        Assert.Equal(10_000, Assert.Single(messages, m => m.Id == "AAMkBlast").Recipients.Count);

        var asOf = TestFixture.Start.AddDays(30);
        var contacts = HostileDataHarness.Score(messages, [], asOf);
        var friend = Assert.Single(contacts, c => c.Address == "friend@fabrikam.example");
        var crowd = contacts.Where(c => c.Address.EndsWith("@crowd.example", StringComparison.Ordinal)).ToList();
        Assert.Equal(10_000, crowd.Count);
        Assert.All(crowd, c => Assert.True(c.Warmth < friend.Warmth / 10, $"{c.Address} warmth {c.Warmth} vs friend {friend.Warmth}"));
        Assert.All(crowd, c => Assert.Equal("cold", c.Tier));
        Assert.DoesNotContain(contacts.Take(1), c => c.Address.EndsWith("@crowd.example", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Null_and_missing_fields_are_skipped_and_reported_or_stored_with_what_is_valid_and_the_rest_of_the_page_is_kept()
    {
        var fixture = new TestFixture().AddMessages("inbox", 5);
        var fromNull = fixture.NewMessage("inbox", "a@fabrikam.example", TestFixture.Start);
        fromNull["id"] = "AAMkFromNull";
        fromNull["from"] = null;
        fixture.Add("inbox", fromNull);
        var toNull = fixture.NewMessage("inbox", "b@fabrikam.example", TestFixture.Start);
        toNull["id"] = "AAMkToNull";
        toNull["toRecipients"] = null;
        fixture.Add("inbox", toNull);
        var addressNull = fixture.NewMessage("inbox", "c@fabrikam.example", TestFixture.Start);
        addressNull["id"] = "AAMkAddressNull";
        addressNull["from"] = new JsonObject { ["emailAddress"] = new JsonObject { ["name"] = "No Address", ["address"] = null } };
        addressNull["toRecipients"] = new JsonArray(
            new JsonObject { ["emailAddress"] = new JsonObject { ["name"] = "Nobody", ["address"] = null } },
            new JsonObject { ["emailAddress"] = null },
            TestFixture.Recipient(TestFixture.Mail, "Dana Whitfield"));
        fixture.Add("inbox", addressNull);
        var noSent = fixture.NewMessage("inbox", "d@fabrikam.example", TestFixture.Start);
        noSent["id"] = "AAMkNoSent";
        noSent.Remove("sentDateTime");
        fixture.Add("inbox", noSent);
        var noDates = fixture.NewMessage("inbox", "e@fabrikam.example", TestFixture.Start);
        noDates["id"] = "AAMkNoDates";
        noDates.Remove("sentDateTime");
        noDates.Remove("receivedDateTime");
        fixture.Add("inbox", noDates);

        var recent = DateTimeOffset.UtcNow.AddDays(-2);
        fixture.AddEvent(TestFixture.NewEvent("AAMkEvtGood", recent, TimeSpan.FromHours(1), "ana@fabrikam.example"));
        var nullAttendee = TestFixture.NewEvent("AAMkEvtNullAttendee", recent, TimeSpan.FromHours(1), "ben@fabrikam.example");
        ((JsonArray)nullAttendee["attendees"]!).Add(new JsonObject { ["type"] = "required", ["emailAddress"] = null });
        ((JsonArray)nullAttendee["attendees"]!).Add(new JsonObject { ["type"] = "required", ["emailAddress"] = new JsonObject { ["name"] = "x", ["address"] = null } });
        fixture.AddEvent(nullAttendee);
        var noStart = TestFixture.NewEvent("AAMkEvtNoStart", recent, TimeSpan.FromHours(1), "cara@fabrikam.example");
        noStart["start"] = null;
        fixture.AddEvent(noStart);
        var noEnd = TestFixture.NewEvent("AAMkEvtNoEnd", recent, TimeSpan.FromHours(1), "dave@fabrikam.example");
        noEnd.Remove("end");
        fixture.AddEvent(noEnd);
        await using var harness = await SyncHarness.StartAsync(fixture, o => o.MailFolders = ["inbox"]);

        var result = await harness.SyncAsync();

        Assert.True(result.Succeeded, result.Error);
        var inbox = Assert.Single(result.Collections, c => c.Collection == "messages:inbox");
        Assert.Equal(1, inbox.Skipped); // neither date
        var messages = await HostileDataHarness.MessagesAsync(harness);
        Assert.Equal(5 + 4, messages.Count);
        Assert.DoesNotContain(messages, m => m.Id == "AAMkNoDates");
        Assert.Null(Assert.Single(messages, m => m.Id == "AAMkFromNull").From);
        Assert.Empty(Assert.Single(messages, m => m.Id == "AAMkToNull").Recipients);
        var addressless = Assert.Single(messages, m => m.Id == "AAMkAddressNull");
        Assert.Null(addressless.From);
        Assert.Equal([TestFixture.Mail], addressless.Recipients.Select(r => r.Who.Address));
        var noSentStored = Assert.Single(messages, m => m.Id == "AAMkNoSent");
        Assert.Equal(noSentStored.ReceivedAt, noSentStored.SentAt);

        var events = await HostileDataHarness.EventsAsync(harness);
        Assert.Equal(["AAMkEvtGood", "AAMkEvtNullAttendee"], events.Select(e => e.Id).Order(StringComparer.Ordinal));
        Assert.Equal(["ben@fabrikam.example"], events.Single(e => e.Id == "AAMkEvtNullAttendee").Attendees.Select(a => a.Who.Address));
        var calendar = Assert.Single(result.Collections, c => c.Collection == "events");
        Assert.True(calendar.Succeeded, calendar.Error);
        Assert.Equal(0, calendar.Skipped); // the emulator, like Graph's calendarView, never lists an instance without a start or end

        // Should one arrive anyway, the mapper refuses it with a reason instead of inventing a time.
        foreach (var broken in new[] { noStart, noEnd })
        {
            var graphEvent = new Microsoft.Kiota.Serialization.Json.JsonParseNode(System.Text.Json.JsonDocument.Parse(broken.ToJsonString()).RootElement)
                .GetObjectValue(Microsoft.Graph.Models.Event.CreateFromDiscriminatorValue)!;
            var mapped = NetworkSync.Sync.Mapping.GraphEventMapper.Map(graphEvent);
            Assert.Null(mapped.Value);
            Assert.Contains("unreadable start or end", mapped.Problem, StringComparison.Ordinal);
        }

        // The model and the rules run over what was kept.
        var contacts = HostileDataHarness.Score(messages, events, DateTimeOffset.UtcNow);
        Assert.Contains(contacts, c => c.Address == "ana@fabrikam.example");
        _ = HostileDataHarness.FollowUps(messages, events, contacts, DateTimeOffset.UtcNow);
    }

    [Fact]
    public async Task An_id_seen_twice_in_a_page_or_in_two_folders_is_stored_once_and_counted_once()
    {
        var fixture = new TestFixture().AddMessages("inbox", 4);
        await using var harness = await SyncHarness.StartAsync(fixture, o => o.MailFolders = ["inbox", "archive"]);
        Assert.True((await harness.SyncAsync()).Succeeded);

        // Straight through the writer, as a page from Graph would arrive: the same id twice in one page, then in another folder's page.
        var writer = new MetadataWriter(harness.Database);
        var twice = Message("AAMkDup", "inbox", "dup@fabrikam.example", "first");
        var again = Message("AAMkDup", "inbox", "dup@fabrikam.example", "second");
        await writer.ApplyMessagePageAsync(TestFixture.UserId, "inbox", 1, [twice, again], [], CancellationToken.None);
        await writer.ApplyMessagePageAsync(TestFixture.UserId, "archive", 1, [Message("AAMkDup", "archive", "dup@fabrikam.example", "third")], [], CancellationToken.None);
        await writer.ApplyEventPageAsync(TestFixture.UserId, 1, [Event("AAMkEvtDup"), Event("AAMkEvtDup")], [], CancellationToken.None);
        await writer.ApplyEventPageAsync(TestFixture.UserId, 1, [Event("AAMkEvtDup")], [], CancellationToken.None);

        Assert.Equal((5L, 1L), await harness.CountAsync());
        var messages = await HostileDataHarness.MessagesAsync(harness);
        var stored = Assert.Single(messages, m => m.Id == "AAMkDup");
        Assert.Equal(("archive", "third"), (stored.Folder, stored.Subject));
        var contacts = HostileDataHarness.Score(messages, await HostileDataHarness.EventsAsync(harness), TestFixture.Start.AddDays(1));
        Assert.Equal(1, Assert.Single(contacts, c => c.Address == "dup@fabrikam.example").Received);

        // Through the emulator: the same message upserted again (a changed copy) and re-announced is one row, not two.
        var copy = fixture.NewMessage("inbox", "person1@fabrikam.example", TestFixture.Start);
        copy["id"] = "AAMkMsg000001";
        harness.Emulator.Tenant.UpsertMessage(TestFixture.UserId, "inbox", copy);
        harness.Emulator.Tenant.UpsertMessage(TestFixture.UserId, "inbox", copy);
        Assert.True((await harness.SyncAsync()).Succeeded);
        var rows = await harness.DumpAsync();
        Assert.Equal(rows.Count, rows.Select(r => r.Split('|')[0]).Distinct(StringComparer.Ordinal).Count());
        Assert.Equal(1, await HostileDataHarness.ScalarAsync(harness, "SELECT COUNT(*) FROM Messages WHERE Id = 'AAMkMsg000001';"));
    }

    private static MessageMetadata Message(string id, string folder, string from, string subject) => new()
    {
        Id = id,
        Folder = folder,
        SentAt = TestFixture.Start,
        ReceivedAt = TestFixture.Start,
        From = new Participant(from, null),
        Recipients = [new Recipient(RecipientRole.To, new Participant(TestFixture.Mail, null))],
        Subject = subject,
    };

    private static EventMetadata Event(string id) => new()
    {
        Id = id,
        Start = TestFixture.Start,
        End = TestFixture.Start.AddHours(1),
        Attendees = [new Attendee(new Participant("guest@fabrikam.example", null), AttendeeKind.Required, AttendeeResponse.Accepted)],
    };
}
