using NetworkSync.GraphEmulator;
using NetworkSync.Storage;

namespace NetworkSync.Sync.Tests;

public sealed class ResilienceTests
{
    [Theory]
    [InlineData(FaultKind.TooManyRequests, "1")]
    [InlineData(FaultKind.TooManyRequests, "1.25")]
    [InlineData(FaultKind.ServiceUnavailable, "0.75")]
    public async Task Throttling_waits_at_least_as_long_as_Retry_After_says_including_fractions(FaultKind kind, string retryAfter)
    {
        var fixture = new TestFixture().AddMessages("inbox", 120);
        await using var harness = await SyncHarness.StartAsync(fixture, o =>
        {
            o.PageSize = 50;
            o.MailFolders = ["inbox"];
        });
        harness.Emulator.Faults.Add(new FaultRule { Kind = kind, RetryAfter = retryAfter, Endpoint = EndpointKind.MessagesDelta, SkipFirst = 1 });

        var result = await harness.SyncAsync();

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal((120L, 0L), await harness.CountAsync());
        var calls = harness.Emulator.Requests.Snapshot().Where(e => e.Endpoint == EndpointKind.MessagesDelta).OrderBy(e => e.At).ToList();
        var faulted = calls.FindIndex(e => e.Fault is not null);
        Assert.True(faulted >= 0 && faulted + 1 < calls.Count);
        var gap = calls[faulted + 1].At - (calls[faulted].At + calls[faulted].Duration);
        var wanted = TimeSpan.FromSeconds(double.Parse(retryAfter, System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(gap >= wanted - TimeSpan.FromMilliseconds(20), $"retried after {gap.TotalMilliseconds} ms, Retry-After was {retryAfter} s");
        Assert.Equal(calls[faulted].Query, calls[faulted + 1].Query);
    }

    [Theory]
    [InlineData(FaultKind.GatewayTimeout)]
    [InlineData(FaultKind.DropConnection)]
    [InlineData(FaultKind.TruncatedJson)]
    public async Task Transient_failures_mid_paging_are_retried_without_losing_or_duplicating_items(FaultKind kind)
    {
        var fixture = new TestFixture().AddMessages("inbox", 500).AddMessages("sentitems", 100);
        await using var harness = await SyncHarness.StartAsync(fixture, o => o.PageSize = 100);
        harness.Emulator.Faults.Add(new FaultRule { Kind = kind, Endpoint = EndpointKind.MessagesDelta, SkipFirst = 2, Times = 2 });

        var result = await harness.SyncAsync();

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal((600L, 0L), await harness.CountAsync());
        Assert.Equal(2, harness.Emulator.Requests.Snapshot().Count(e => e.Fault is not null));
    }

    [Fact]
    public async Task Seeded_random_faults_still_end_in_the_same_data_as_a_clean_sync()
    {
        var fixture = new TestFixture().AddMessages("inbox", 400).AddMessages("sentitems", 200);
        await using var clean = await SyncHarness.StartAsync(fixture, o => o.PageSize = 50);
        Assert.True((await clean.SyncAsync()).Succeeded);
        await using var faulty = await SyncHarness.StartAsync(fixture, o =>
        {
            o.PageSize = 50;
            o.MaxRetries = 12;
            o.MaxRetryDelaySeconds = 0.2;
        });
        faulty.Emulator.Faults.UseRandom(7, 0.2, FaultKind.TooManyRequests, FaultKind.ServiceUnavailable, FaultKind.GatewayTimeout, FaultKind.DropConnection, FaultKind.TruncatedJson);

        var result = await faulty.SyncAsync();

        Assert.True(result.Succeeded, result.Error);
        Assert.Contains(faulty.Emulator.Requests.Snapshot(), e => e.Fault is not null);
        Assert.Equal(await clean.DumpAsync(), await faulty.DumpAsync());
    }

    [Fact]
    public async Task No_more_than_four_requests_are_ever_in_flight_for_one_mailbox()
    {
        var folders = new[] { "inbox", "sentitems", "archive", "deleteditems", "drafts", "junkemail" };
        var fixture = new TestFixture();
        foreach (var folder in folders)
        {
            fixture.AddMessages(folder, 120);
        }

        await using var harness = await SyncHarness.StartAsync(fixture, o =>
        {
            o.PageSize = 40;
            o.MailFolders = [.. folders];
        });
        harness.Emulator.Faults.Add(new FaultRule { Kind = FaultKind.Slow, Delay = TimeSpan.FromMilliseconds(150), Times = int.MaxValue });

        var result = await harness.SyncAsync();

        Assert.True(result.Succeeded, result.Error);
        Assert.Equal(4, harness.Emulator.Requests.MaxConcurrency(TestFixture.UserId));
        Assert.DoesNotContain(harness.Emulator.Requests.Snapshot(), e => e.Status == 429);
    }

    [Fact]
    public async Task Without_the_cap_the_emulator_would_throttle_so_the_cap_test_can_fail()
    {
        var folders = new[] { "inbox", "sentitems", "archive", "deleteditems", "drafts", "junkemail" };
        var fixture = new TestFixture();
        foreach (var folder in folders)
        {
            fixture.AddMessages(folder, 40);
        }

        await using var harness = await SyncHarness.StartAsync(fixture, o =>
        {
            o.PageSize = 40;
            o.MailFolders = [.. folders];
            o.MaxConcurrentRequestsPerMailbox = 16;
            o.MaxRetryDelaySeconds = 0.2;
        });
        harness.Emulator.Faults.Add(new FaultRule { Kind = FaultKind.Slow, Delay = TimeSpan.FromMilliseconds(300), Times = int.MaxValue });

        await harness.SyncAsync();

        Assert.Contains(harness.Emulator.Requests.Snapshot(), e => e.Status == 429);
    }

    [Fact]
    public async Task A_sync_cancelled_midway_then_resumed_ends_identical_to_an_uninterrupted_one()
    {
        var fixture = new TestFixture().AddMessages("inbox", 600).AddMessages("sentitems", 200);
        await using var reference = await SyncHarness.StartAsync(fixture, o => o.PageSize = 50);
        Assert.True((await reference.SyncAsync()).Succeeded);

        await using var harness = await SyncHarness.StartAsync(fixture, o => o.PageSize = 50);
        harness.Emulator.Faults.Add(new FaultRule { Kind = FaultKind.Slow, Delay = TimeSpan.FromMilliseconds(100), Times = int.MaxValue });
        using (var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(700)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => harness.SyncAsync(cancel.Token));
        }

        var (partial, _) = await harness.CountAsync();
        Assert.InRange(partial, 1, 799);
        Assert.Equal("cancelled", (await harness.MailboxAsync()).LastSyncStatus);
        harness.Emulator.Faults.Clear();

        Assert.True((await harness.SyncAsync()).Succeeded);

        Assert.Equal(await reference.DumpAsync(), await harness.DumpAsync());
    }

    [Fact]
    public async Task A_delta_link_to_a_foreign_host_is_refused_and_fails_that_collection_loudly()
    {
        var fixture = new TestFixture().AddMessages("inbox", 20).AddMessages("sentitems", 5);
        await using var harness = await SyncHarness.StartAsync(fixture);
        Assert.True((await harness.SyncAsync()).Succeeded);
        var store = new MailboxStore(harness.Database);
        var state = await store.GetSyncStateAsync(TestFixture.UserId, "messages:inbox", CancellationToken.None);
        Assert.NotNull(state);
        state.DeltaLink = "https://graph.evil.example/v1.0/users/x/mailFolders/inbox/messages/delta?$deltatoken=abc";
        await store.SaveSyncStateAsync(state, CancellationToken.None);
        harness.Emulator.Requests.Clear();

        var result = await harness.SyncAsync();

        Assert.False(result.Succeeded);
        var inbox = Assert.Single(result.Collections, c => c.Collection == "messages:inbox");
        Assert.Contains("graph.evil.example", inbox.Error, StringComparison.Ordinal);
        Assert.True(result.Collections.Single(c => c.Collection == "messages:sentitems").Succeeded);
        Assert.Equal("failed", (await harness.MailboxAsync()).LastSyncStatus);
        Assert.Equal((25L, 0L), await harness.CountAsync());
    }

    [Fact]
    public async Task A_nextLink_to_a_foreign_host_is_refused_and_fails_that_collection_loudly()
    {
        var fixture = new TestFixture().AddMessages("inbox", 300).AddMessages("sentitems", 20);
        await using var harness = await SyncHarness.StartAsync(fixture, o => o.PageSize = 100);
        harness.Emulator.Faults.Add(new FaultRule { Kind = FaultKind.ForeignLinks, Endpoint = EndpointKind.MessagesDelta, Mailbox = TestFixture.UserId, SkipFirst = 0, Times = int.MaxValue });

        var result = await harness.SyncAsync();

        Assert.False(result.Succeeded);
        Assert.All(result.Collections.Where(c => c.Collection.StartsWith("messages:", StringComparison.Ordinal)), c => Assert.Contains("graph.attacker.example", c.Error, StringComparison.Ordinal));
        Assert.True(Assert.Single(result.Collections, c => c.Collection == "events").Succeeded);
        Assert.Null(await new MailboxStore(harness.Database).GetSyncStateAsync(TestFixture.UserId, "messages:inbox", CancellationToken.None));
        Assert.Equal("failed", (await harness.MailboxAsync()).LastSyncStatus);
        Assert.Contains("graph.attacker.example", (await harness.MailboxAsync()).LastSyncError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_non_transient_error_fails_only_that_mailbox_and_the_others_carry_on()
    {
        var fixture = new TestFixture().AddMessages("inbox", 30).AddMessages("sentitems", 10).AddSecondMailbox(25);
        await using var harness = await SyncHarness.StartAsync(fixture);
        harness.Emulator.Faults.Add(new FaultRule { Kind = FaultKind.AccessDenied, Mailbox = TestFixture.SecondUserId, Times = int.MaxValue });

        var results = await harness.SyncAllAsync();

        Assert.Equal(2, results.Count);
        Assert.True(Assert.Single(results, r => r.MailboxId == TestFixture.UserId).Succeeded);
        var denied = Assert.Single(results, r => r.MailboxId == TestFixture.SecondUserId);
        Assert.False(denied.Succeeded);
        Assert.Contains("403", denied.Error, StringComparison.Ordinal);
        Assert.Contains("ErrorAccessDenied", denied.Error, StringComparison.Ordinal);
        var rows = await new MailboxStore(harness.Database).ListMailboxesAsync(CancellationToken.None);
        Assert.Equal("failed", rows.Single(m => m.Id == TestFixture.SecondUserId).LastSyncStatus);
        Assert.Equal("succeeded", rows.Single(m => m.Id == TestFixture.UserId).LastSyncStatus);
        Assert.Equal(1, harness.Emulator.Requests.Snapshot().Count(e => e.Status == 403 && e.Path.Contains("inbox", StringComparison.Ordinal)));
    }
}
