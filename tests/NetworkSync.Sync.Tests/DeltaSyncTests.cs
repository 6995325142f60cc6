using NetworkSync.GraphEmulator;

namespace NetworkSync.Sync.Tests;

public sealed class DeltaSyncTests
{
    [Fact]
    public async Task Initial_sync_pages_through_every_message_with_the_minimum_number_of_requests()
    {
        var fixture = new TestFixture().AddMessages("inbox", 2_350).AddMessages("sentitems", 420);
        await using var harness = await SyncHarness.StartAsync(fixture, o => o.PageSize = 100);

        var result = await harness.SyncAsync();

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal((2_770L, 0L), await harness.CountAsync());
        Assert.Equal(24 + 5, harness.Emulator.Requests.Count(EndpointKind.MessagesDelta, TestFixture.UserId)); // ceil(2350/100) + ceil(420/100)
        var deltas = harness.Emulator.Requests.Snapshot().Where(e => e.Endpoint == EndpointKind.MessagesDelta).ToList();
        Assert.All(deltas, e => Assert.Contains("odata.maxpagesize=100", e.Prefer, StringComparison.Ordinal));
        Assert.All(deltas, e => Assert.Contains("IdType=\"ImmutableId\"", e.Prefer, StringComparison.Ordinal));

        // Metadata only: the first request of each folder names its fields, and none of them is a body or preview.
        var initial = deltas.Where(e => !e.Query.Contains("token", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, initial.Count);
        Assert.All(initial, e => Assert.Contains("$select=", Uri.UnescapeDataString(e.Query), StringComparison.Ordinal));
        Assert.All(deltas, e => Assert.DoesNotMatch("(?i)body|preview|attachment", Uri.UnescapeDataString(e.Query)));
    }

    [Fact]
    public async Task A_second_sync_of_an_unchanged_mailbox_makes_exactly_one_request_per_collection()
    {
        var fixture = new TestFixture().AddMessages("inbox", 1_500).AddMessages("sentitems", 300)
            .AddEvent(TestFixture.NewEvent("AAMkEvt1", TestFixture.Start, TimeSpan.FromHours(1), "ana@fabrikam.example"));
        await using var harness = await SyncHarness.StartAsync(fixture);
        Assert.True((await harness.SyncAsync()).Succeeded);
        var before = await harness.DumpAsync();
        harness.Emulator.Requests.Clear();

        var second = await harness.SyncAsync();

        Assert.True(second.Succeeded, second.Error);
        var log = string.Join('\n', harness.Emulator.Requests.Snapshot().Select(e => $"{e.Endpoint} {e.Path} {e.Query} {e.Status} {e.Fault}"));
        Assert.True(harness.Emulator.Requests.Count(EndpointKind.MessagesDelta) == 2, log);
        Assert.Equal(1, harness.Emulator.Requests.Count(EndpointKind.CalendarViewDelta));
        Assert.All(harness.Emulator.Requests.Snapshot().Where(e => e.Endpoint is EndpointKind.MessagesDelta or EndpointKind.CalendarViewDelta), e => Assert.Contains("deltatoken", e.Query, StringComparison.OrdinalIgnoreCase));
        Assert.Equal(before, await harness.DumpAsync());
    }

    [Fact]
    public async Task Incremental_sync_applies_adds_updates_deletes_and_moves()
    {
        var fixture = new TestFixture().AddMessages("inbox", 30).AddMessages("sentitems", 10);
        await using var harness = await SyncHarness.StartAsync(fixture);
        Assert.True((await harness.SyncAsync()).Succeeded);

        var added = fixture.NewMessage("inbox", "new.person@fabrikam.example", TestFixture.Start.AddDays(3));
        harness.Emulator.Tenant.UpsertMessage(TestFixture.UserId, "inbox", added);
        var updated = fixture.NewMessage("inbox", "person1@fabrikam.example", TestFixture.Start);
        updated["id"] = "AAMkMsg000001";
        updated["subject"] = "Renamed";
        harness.Emulator.Tenant.UpsertMessage(TestFixture.UserId, "inbox", updated);
        Assert.True(harness.Emulator.Tenant.DeleteMessage(TestFixture.UserId, "AAMkMsg000002"));
        harness.Emulator.Tenant.MoveMessage(TestFixture.UserId, "AAMkMsg000003", "sentitems");
        harness.Emulator.Tenant.MoveMessage(TestFixture.UserId, "AAMkMsg000004", "archive");

        var result = await harness.SyncAsync();

        Assert.True(result.Succeeded, result.Error);
        var rows = await harness.DumpAsync();
        Assert.Equal(40 + 1 - 1 - 1, rows.Count);
        Assert.Contains(rows, r => r.StartsWith("AAMkMsg000001|inbox|", StringComparison.Ordinal) && r.EndsWith("|Renamed", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.StartsWith("AAMkMsg000002|", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith("AAMkMsg000003|sentitems|", StringComparison.Ordinal));
        Assert.DoesNotContain(rows, r => r.StartsWith("AAMkMsg000004|", StringComparison.Ordinal));
        Assert.Contains(rows, r => r.StartsWith(added["id"]!.GetValue<string>() + "|inbox|", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    public async Task An_expired_delta_token_triggers_a_full_resync_with_exact_counts(int expiriesDuringResync)
    {
        var fixture = new TestFixture().AddMessages("inbox", 250);
        await using var harness = await SyncHarness.StartAsync(fixture, o =>
        {
            o.PageSize = 100;
            o.MailFolders = ["inbox"];
        });
        Assert.True((await harness.SyncAsync()).Succeeded);
        harness.Emulator.Tenant.DeleteMessage(TestFixture.UserId, "AAMkMsg000010");
        harness.Emulator.Tenant.UpsertMessage(TestFixture.UserId, "inbox", fixture.NewMessage("inbox", "late@fabrikam.example", TestFixture.Start.AddDays(9)));

        // The delta token expires; optionally the resync's own skip token expires too, part-way through its paging.
        harness.Emulator.Faults.Add(new FaultRule { Kind = FaultKind.SyncStateNotFound, Endpoint = EndpointKind.MessagesDelta, OnlyWithDeltaToken = true, Times = 1 + expiriesDuringResync });

        var result = await harness.SyncAsync();

        Assert.True(result.Succeeded, result.Error);
        Assert.True(Assert.Single(result.Collections, c => c.Collection == "messages:inbox").RecoveredFromExpiredToken);
        Assert.Equal(1 + expiriesDuringResync, harness.Emulator.Requests.Snapshot().Count(e => e.Status == 410));
        Assert.Equal((250L, 0L), await harness.CountAsync());
        var rows = await harness.DumpAsync();
        Assert.Equal(rows.Count, rows.Select(r => r.Split('|')[0]).Distinct().Count());
        Assert.DoesNotContain(rows, r => r.StartsWith("AAMkMsg000010|", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(FaultKind.ResyncRequired)]
    [InlineData(FaultKind.SyncStateNotFound400)]
    public async Task A_400_whose_code_asks_for_a_resync_restarts_the_collection_instead_of_failing_every_sync(FaultKind kind)
    {
        var fixture = new TestFixture().AddMessages("inbox", 120);
        await using var harness = await SyncHarness.StartAsync(fixture, o =>
        {
            o.PageSize = 50;
            o.MailFolders = ["inbox"];
        });
        Assert.True((await harness.SyncAsync()).Succeeded);
        harness.Emulator.Tenant.DeleteMessage(TestFixture.UserId, "AAMkMsg000007");
        harness.Emulator.Faults.Add(new FaultRule { Kind = kind, Endpoint = EndpointKind.MessagesDelta, OnlyWithDeltaToken = true });

        var result = await harness.SyncAsync();

        Assert.True(result.Succeeded, result.Error);
        Assert.True(Assert.Single(result.Collections, c => c.Collection == "messages:inbox").RecoveredFromExpiredToken);
        Assert.Equal(1, harness.Emulator.Requests.Snapshot().Count(e => e.Status == 400 && e.Fault == kind.ToString()));
        Assert.Equal((119L, 0L), await harness.CountAsync());
        Assert.DoesNotContain(await harness.DumpAsync(), r => r.StartsWith("AAMkMsg000007|", StringComparison.Ordinal));

        // And the next sync is an ordinary incremental one on the new deltaLink.
        harness.Emulator.Requests.Clear();
        var next = await harness.SyncAsync();
        Assert.True(next.Succeeded, next.Error);
        Assert.Equal(1, harness.Emulator.Requests.Count(EndpointKind.MessagesDelta));
    }

    [Fact]
    public async Task Events_are_synced_over_the_window_and_removed_when_deleted()
    {
        var fixture = new TestFixture()
            .AddEvent(TestFixture.NewEvent("AAMkEvtA", DateTimeOffset.UtcNow.AddDays(-10), TimeSpan.FromHours(1), "ana@fabrikam.example"))
            .AddEvent(TestFixture.NewEvent("AAMkEvtB", DateTimeOffset.UtcNow.AddDays(5), TimeSpan.FromMinutes(30), "ben@fabrikam.example"))
            .AddEvent(TestFixture.NewEvent("AAMkEvtOld", DateTimeOffset.UtcNow.AddYears(-5), TimeSpan.FromHours(1), "old@fabrikam.example"));
        await using var harness = await SyncHarness.StartAsync(fixture);
        Assert.True((await harness.SyncAsync()).Succeeded);
        Assert.Equal((0L, 2L), await harness.CountAsync());

        harness.Emulator.Tenant.DeleteEvent(TestFixture.UserId, "AAMkEvtB");
        Assert.True((await harness.SyncAsync()).Succeeded);

        Assert.Equal((0L, 1L), await harness.CountAsync());
    }

    [Fact]
    public async Task When_the_calendar_window_has_slid_a_week_the_calendar_is_resynced_over_the_new_window()
    {
        var now = new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);
        var fixture = new TestFixture()
            .AddEvent(TestFixture.NewEvent("AAMkEvtEdge", now.AddDays(-727), TimeSpan.FromHours(1), "edge@fabrikam.example"))
            .AddEvent(TestFixture.NewEvent("AAMkEvtRecent", now.AddDays(-3), TimeSpan.FromHours(1), "ana@fabrikam.example"));
        await using var harness = await SyncHarness.StartAsync(fixture, o => o.MailFolders = ["inbox"]);
        harness.Time = new SyncHarness.FrozenClock(now);
        Assert.True((await harness.SyncAsync()).Succeeded);
        Assert.Equal((0L, 2L), await harness.CountAsync());

        harness.Time = new SyncHarness.FrozenClock(now.AddDays(3));
        var small = await harness.SyncAsync();
        Assert.False(Assert.Single(small.Collections, c => c.Collection == "events").FullSync);

        harness.Time = new SyncHarness.FrozenClock(now.AddDays(8));
        var slid = await harness.SyncAsync();

        Assert.True(Assert.Single(slid.Collections, c => c.Collection == "events").FullSync);
        Assert.Equal((0L, 1L), await harness.CountAsync());
    }

    [Theory]
    [InlineData(false, 0)]
    [InlineData(true, 1 | 2)]
    public async Task List_headers_are_read_only_when_asked_and_only_their_flags_are_kept(bool readListHeaders, int expectedSignals)
    {
        var fixture = new TestFixture().AddMessages("inbox", 3);
        var newsletter = fixture.NewMessage("inbox", "news@paper.example", TestFixture.Start);
        newsletter["internetMessageHeaders"] = new System.Text.Json.Nodes.JsonArray(
            new System.Text.Json.Nodes.JsonObject { ["name"] = "List-Unsubscribe", ["value"] = "<mailto:leave@paper.example>" },
            new System.Text.Json.Nodes.JsonObject { ["name"] = "List-Id", ["value"] = "<daily.paper.example>" },
            new System.Text.Json.Nodes.JsonObject { ["name"] = "Received", ["value"] = "from mx1.paper.example (10.1.2.3)" });
        fixture.Add("inbox", newsletter);
        await using var harness = await SyncHarness.StartAsync(fixture, o =>
        {
            o.MailFolders = ["inbox"];
            o.ReadListHeaders = readListHeaders;
        });

        Assert.True((await harness.SyncAsync()).Succeeded);

        await using var connection = await harness.Database.OpenAsync(CancellationToken.None);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT BulkSignals FROM Messages WHERE FromAddress = 'news@paper.example';";
        Assert.Equal((long)expectedSignals, (long)(await command.ExecuteScalarAsync())!);
        var initial = harness.Emulator.Requests.Snapshot().Single(e => e.Endpoint == EndpointKind.MessagesDelta);
        Assert.Equal(readListHeaders, Uri.UnescapeDataString(initial.Query).Contains("internetMessageHeaders", StringComparison.Ordinal));
    }
}
