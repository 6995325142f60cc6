using System.Text.Json.Nodes;

namespace NetworkSync.Sync.Tests.Hostile;

/// <summary>Dates at the ends of what .NET and Graph can express: stored or skipped, never an exception, never a broken score.</summary>
public sealed class ExtremeDateTests
{
    [Fact]
    public async Task Messages_and_events_dated_0001_1601_and_9999_sync_and_never_break_scoring_or_follow_ups()
    {
        var fixture = new TestFixture().AddMessages("inbox", 3).AddMessages("sentitems", 3);
        foreach (var (id, at) in new[] { ("AAMkMin", "0001-01-01T00:00:00Z"), ("AAMk1601", "1601-01-01T00:00:00Z"), ("AAMkMax", "9999-12-31T23:59:59Z") })
        {
            var message = fixture.NewMessage("inbox", "edge@fabrikam.example", TestFixture.Start);
            message["id"] = id;
            message["sentDateTime"] = at;
            message["receivedDateTime"] = at;
            fixture.Add("inbox", message);
            var reply = fixture.NewMessage("sentitems", "edge@fabrikam.example", TestFixture.Start);
            reply["id"] = id + "Reply";
            reply["sentDateTime"] = at;
            reply["receivedDateTime"] = at;
            fixture.Add("sentitems", reply);
        }

        // Events that span the whole calendar window from the extremes, and one at the 0001 sentinel Graph uses for "no time".
        fixture.AddEvent(Event("AAMkEvtSpan", "1601-01-01T00:00:00.0000000", "9999-12-31T23:59:59.9999999", "UTC"));
        fixture.AddEvent(Event("AAMkEvtMin", "0001-01-01T00:00:00.0000000", DateTimeOffset.UtcNow.AddDays(1).UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture)[..27], "UTC"));
        fixture.AddEvent(Event("AAMkEvtZonedMax", DateTimeOffset.UtcNow.AddDays(-1).UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture)[..27], "9999-12-31T23:59:59.9999999", "Tokyo Standard Time"));
        fixture.AddEvent(Event("AAMkEvtZonedMin", "0001-01-01T00:00:00.0000000", DateTimeOffset.UtcNow.AddDays(1).UtcDateTime.ToString("O", System.Globalization.CultureInfo.InvariantCulture)[..27], "Pacific Standard Time"));
        fixture.AddEvent(TestFixture.NewEvent("AAMkEvtNormal", DateTimeOffset.UtcNow.AddDays(-2), TimeSpan.FromHours(1), "normal@fabrikam.example"));
        await using var harness = await SyncHarness.StartAsync(fixture);

        var result = await harness.SyncAsync();

        Assert.True(result.Succeeded, result.Error);
        var messages = await HostileDataHarness.MessagesAsync(harness);
        Assert.Equal(12, messages.Count);
        Assert.Equal(DateTimeOffset.MinValue, messages.Single(m => m.Id == "AAMkMin").SentAt);
        Assert.Equal(new DateTimeOffset(1601, 1, 1, 0, 0, 0, TimeSpan.Zero), messages.Single(m => m.Id == "AAMk1601").SentAt);
        Assert.Equal(new DateTimeOffset(9999, 12, 31, 23, 59, 59, TimeSpan.Zero), messages.Single(m => m.Id == "AAMkMax").SentAt);

        // Every event is either stored with an in-range time or skipped and reported; nothing throws.
        var events = await HostileDataHarness.EventsAsync(harness);
        var calendar = Assert.Single(result.Collections, c => c.Collection == "events");
        Assert.Contains(events, e => e.Id == "AAMkEvtNormal");
        Assert.Contains(events, e => e.Id == "AAMkEvtSpan");
        Assert.Equal(5, events.Count + calendar.Skipped);
        Assert.All(events, e => Assert.True(e.End >= e.Start));

        foreach (var asOf in new[] { DateTimeOffset.UtcNow, TestFixture.Start })
        {
            var contacts = HostileDataHarness.Score(messages, events, asOf);
            Assert.All(contacts, c => Assert.True(double.IsFinite(c.Warmth) && c.Warmth >= 0, $"{c.Address}: warmth {c.Warmth}"));
            Assert.All(contacts, c => Assert.True(double.IsFinite(c.WarmthAtLastContact), $"{c.Address}: warmth at last contact {c.WarmthAtLastContact}"));
            var edge = Assert.Single(contacts, c => c.Address == "edge@fabrikam.example");
            Assert.True(edge.LastContact is null || edge.LastContact <= asOf, $"last contact {edge.LastContact} is after {asOf}");
            var followUps = HostileDataHarness.FollowUps(messages, events, contacts, asOf);
            Assert.All(followUps, f => Assert.False(string.IsNullOrEmpty(f.Title)));
        }
    }

    private static JsonObject Event(string id, string start, string end, string zone)
    {
        var ev = TestFixture.NewEvent(id, DateTimeOffset.UtcNow, TimeSpan.FromHours(1), "edge.meeting@fabrikam.example");
        ev["start"] = new JsonObject { ["dateTime"] = start, ["timeZone"] = zone };
        ev["end"] = new JsonObject { ["dateTime"] = end, ["timeZone"] = zone };
        return ev;
    }
}
