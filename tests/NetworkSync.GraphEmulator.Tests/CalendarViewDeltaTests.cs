using System.Net;

namespace NetworkSync.GraphEmulator.Tests;

public sealed class CalendarViewDeltaTests
{
    private const string Window = "startDateTime=2024-06-01T00:00:00Z&endDateTime=2024-06-02T00:00:00Z";

    [Fact]
    public async Task Only_instances_overlapping_the_window_are_returned_honouring_Windows_and_IANA_zones()
    {
        using var fixture = new TestFixtureFolder().Users(TestFixtureFolder.User("u1", "alice@contoso.test")).Events(
            "u1",
            TestFixtureFolder.Event("inside-utc", "2024-06-01T09:00:00.0000000", "2024-06-01T10:00:00.0000000"),
            // 17:00-18:00 on May 31 in Los Angeles is 00:00-01:00 UTC on June 1: inside.
            TestFixtureFolder.Event("inside-windows-zone", "2024-05-31T17:00:00.0000000", "2024-05-31T18:00:00.0000000", "Pacific Standard Time"),
            // 01:00-01:30 on June 1 in Berlin is 23:00-23:30 UTC on May 31: outside.
            TestFixtureFolder.Event("outside-iana-zone", "2024-06-01T01:00:00.0000000", "2024-06-01T01:30:00.0000000", "Europe/Berlin"),
            TestFixtureFolder.Event("outside-later", "2024-06-03T09:00:00.0000000", "2024-06-03T10:00:00.0000000"),
            TestFixtureFolder.Event("bad-zone", "2024-06-01T09:00:00.0000000", "2024-06-01T10:00:00.0000000", "Mars/Olympus"));
        await using var session = await EmulatorSession.StartAsync(new GraphEmulatorOptions { FixturePath = fixture.Root });

        var (items, _, requests) = await session.SyncRoundAsync($"v1.0/users/u1/calendarView/delta()?{Window}&$select=subject", "odata.maxpagesize=1");

        Assert.Equal(["inside-utc", "inside-windows-zone"], items.Select(i => i["id"]!.GetValue<string>()));
        Assert.NotNull(items[0]["isOrganizer"]);
        Assert.Equal(2, requests);
        var problem = Assert.Single(session.Emulator.LoadProblems);
        Assert.Equal("users/u1/calendarView.json", problem.File);
        Assert.Equal(4, problem.Index);
    }

    [Fact]
    public async Task Delta_rounds_keep_the_window_and_report_removals_and_moves_out_of_it()
    {
        await using var session = await EmulatorSession.StartAsync(new GraphEmulatorOptions());
        var tenant = session.Emulator.Tenant;
        tenant.AddUser(TestFixtureFolder.User("u1", "alice@contoso.test"));
        tenant.UpsertEvent("u1", TestFixtureFolder.Event("a", "2024-06-01T09:00:00", "2024-06-01T10:00:00"));
        tenant.UpsertEvent("u1", TestFixtureFolder.Event("b", "2024-06-01T11:00:00", "2024-06-01T12:00:00"));
        tenant.UpsertEvent("u1", TestFixtureFolder.Event("c", "2024-06-01T13:00:00", "2024-06-01T14:00:00"));
        var (_, deltaLink, _) = await session.SyncRoundAsync($"v1.0/users/alice@contoso.test/calendar/calendarView/delta?{Window}");
        Assert.DoesNotContain("startDateTime", deltaLink, StringComparison.Ordinal);

        Assert.True(tenant.DeleteEvent("u1", "a"));
        tenant.UpsertEvent("u1", TestFixtureFolder.Event("b", "2024-07-01T11:00:00", "2024-07-01T12:00:00"));
        tenant.UpsertEvent("u1", TestFixtureFolder.Event("d", "2024-06-01T15:00:00", "2024-06-01T16:00:00"));
        var (changes, _, _) = await session.SyncRoundAsync(deltaLink);

        Assert.Equal(["a", "b", "d"], changes.Select(c => c["id"]!.GetValue<string>()));
        Assert.Equal("deleted", changes[0]["@removed"]!["reason"]!.GetValue<string>());
        Assert.Equal("deleted", changes[1]["@removed"]!["reason"]!.GetValue<string>());
        Assert.Null(changes[2]["@removed"]);
        Assert.Equal(3, tenant.EventCount("u1"));
    }

    [Fact]
    public async Task Prefer_outlook_timezone_UTC_serves_start_and_end_in_UTC_and_every_item_has_its_odata_type()
    {
        await using var session = await EmulatorSession.StartAsync(new GraphEmulatorOptions());
        var tenant = session.Emulator.Tenant;
        tenant.AddUser(TestFixtureFolder.User("u1", "alice@contoso.test"));
        // 17:00-18:00 on May 31 in Los Angeles (PDT, UTC-7) is 00:00-01:00 UTC on June 1.
        tenant.UpsertEvent("u1", TestFixtureFolder.Event("pacific", "2024-05-31T17:00:00.0000000", "2024-05-31T18:00:00.0000000", "Pacific Standard Time"));

        var (asked, utc) = await session.GetAsync($"v1.0/users/u1/calendarView/delta?{Window}", "outlook.timezone=\"UTC\"");
        var (_, asStored) = await session.GetAsync($"v1.0/users/u1/calendarView/delta?{Window}");

        Assert.Contains("outlook.timezone=\"UTC\"", asked.Headers.GetValues("Preference-Applied"));
        var item = utc!["value"]![0]!;
        Assert.Equal("#microsoft.graph.event", item["@odata.type"]!.GetValue<string>());
        Assert.Equal("2024-06-01T00:00:00.0000000", item["start"]!["dateTime"]!.GetValue<string>());
        Assert.Equal("UTC", item["start"]!["timeZone"]!.GetValue<string>());
        Assert.Equal("2024-06-01T01:00:00.0000000", item["end"]!["dateTime"]!.GetValue<string>());
        var stored = asStored!["value"]![0]!;
        Assert.Equal("#microsoft.graph.event", stored["@odata.type"]!.GetValue<string>());
        Assert.Equal("Pacific Standard Time", stored["start"]!["timeZone"]!.GetValue<string>());
    }

    [Fact]
    public async Task In_partial_update_mode_a_moved_event_comes_as_its_id_and_new_times()
    {
        await using var session = await EmulatorSession.StartAsync(new GraphEmulatorOptions { PartialUpdates = true });
        var tenant = session.Emulator.Tenant;
        tenant.AddUser(TestFixtureFolder.User("u1", "alice@contoso.test"));
        tenant.UpsertEvent("u1", TestFixtureFolder.Event("a", "2024-06-01T09:00:00", "2024-06-01T10:00:00"));
        var (_, deltaLink, _) = await session.SyncRoundAsync($"v1.0/users/u1/calendarView/delta?{Window}");

        tenant.UpsertEvent("u1", TestFixtureFolder.Event("a", "2024-06-01T11:00:00", "2024-06-01T12:00:00"));
        var (changes, _, _) = await session.SyncRoundAsync(deltaLink, "outlook.timezone=\"UTC\"");

        var moved = Assert.Single(changes);
        Assert.Equal(["@odata.type", "@odata.etag", "start", "end", "id"], moved.Select(p => p.Key));
        Assert.Equal("2024-06-01T11:00:00.0000000", moved["start"]!["dateTime"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_window_is_required()
    {
        await using var session = await EmulatorSession.StartAsync(new GraphEmulatorOptions());
        session.Emulator.Tenant.AddUser(TestFixtureFolder.User("u1", "alice@contoso.test"));

        var (response, body) = await session.GetAsync("v1.0/users/u1/calendarView/delta");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("ErrorInvalidParameter", body!["error"]!["code"]!.GetValue<string>());
    }
}
