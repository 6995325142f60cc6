using System.Net;
using System.Net.Sockets;
using NetworkSync.GraphEmulator;
using NetworkSync.Storage;

namespace NetworkSync.Sync.Tests.Hostile;

/// <summary>Paging links that point off the Graph host: refused before any request, the token stays home, the stored deltaLink survives.</summary>
public sealed class ForeignLinkTests
{
    [Fact]
    public async Task Foreign_nextLinks_and_deltaLinks_fail_loudly_and_the_stored_deltaLink_is_kept()
    {
        var fixture = new TestFixture().AddMessages("inbox", 30).AddMessages("sentitems", 5)
            .AddEvent(TestFixture.NewEvent("AAMkEvt1", DateTimeOffset.UtcNow.AddDays(-1), TimeSpan.FromHours(1), "ana@fabrikam.example"));
        await using var harness = await SyncHarness.StartAsync(fixture, o => o.PageSize = 10);
        Assert.True((await harness.SyncAsync()).Succeeded);
        var store = new MailboxStore(harness.Database);
        var before = (await store.GetSyncStateAsync(TestFixture.UserId, "messages:inbox", CancellationToken.None))!.DeltaLink;
        var eventsBefore = (await store.GetSyncStateAsync(TestFixture.UserId, "events", CancellationToken.None))!.DeltaLink;
        Assert.NotNull(before);

        // Incremental rounds answered with a foreign deltaLink (and nextLink, for the page of changes).
        harness.Emulator.Tenant.UpsertMessage(TestFixture.UserId, "inbox", fixture.NewMessage("inbox", "late@fabrikam.example", TestFixture.Start.AddDays(2)));
        harness.Emulator.Faults.Add(new FaultRule { Kind = FaultKind.ForeignLinks, Times = int.MaxValue });
        harness.Emulator.Requests.Clear();

        var result = await harness.SyncAsync();

        Assert.False(result.Succeeded);
        Assert.All(result.Collections, c => Assert.Contains("graph.attacker.example", c.Error, StringComparison.Ordinal));
        Assert.Equal(before, (await store.GetSyncStateAsync(TestFixture.UserId, "messages:inbox", CancellationToken.None))!.DeltaLink);
        Assert.Equal(eventsBefore, (await store.GetSyncStateAsync(TestFixture.UserId, "events", CancellationToken.None))!.DeltaLink);
        Assert.DoesNotContain("attacker", before, StringComparison.Ordinal);
        Assert.Equal("failed", (await harness.MailboxAsync()).LastSyncStatus);

        // One request per collection reached Graph, none was retried or followed anywhere.
        var log = harness.Emulator.Requests.Snapshot();
        Assert.Equal(3, log.Count(e => e.Endpoint is EndpointKind.MessagesDelta or EndpointKind.CalendarViewDelta));

        // Once Graph behaves again, the kept deltaLink carries on from where it was.
        harness.Emulator.Faults.Clear();
        Assert.True((await harness.SyncAsync()).Succeeded);
        Assert.Equal((36L, 1L), await harness.CountAsync());
    }

    [Fact]
    public async Task A_stored_deltaLink_to_another_listener_never_reaches_it_and_no_token_is_sent()
    {
        using var trap = new TcpListener(IPAddress.Loopback, 0);
        trap.Start();
        var port = ((IPEndPoint)trap.LocalEndpoint).Port;
        var fixture = new TestFixture().AddMessages("inbox", 12);
        await using var harness = await SyncHarness.StartAsync(fixture, o => o.MailFolders = ["inbox"]);
        Assert.True((await harness.SyncAsync()).Succeeded);
        var store = new MailboxStore(harness.Database);
        var state = (await store.GetSyncStateAsync(TestFixture.UserId, "messages:inbox", CancellationToken.None))!;
        var foreign = $"http://127.0.0.1:{port}/v1.0/users/{TestFixture.UserId}/mailFolders/inbox/messages/delta?$deltatoken=stolen";
        state.DeltaLink = foreign;
        await store.SaveSyncStateAsync(state, CancellationToken.None);
        var accepted = trap.AcceptTcpClientAsync();

        var result = await harness.SyncAsync();

        Assert.False(result.Succeeded);
        Assert.Contains($"127.0.0.1:{port}", Assert.Single(result.Collections, c => c.Collection == "messages:inbox").Error, StringComparison.Ordinal);
        await Task.Delay(300);
        Assert.False(accepted.IsCompleted, "a connection reached the foreign listener");
        Assert.Equal(foreign, (await store.GetSyncStateAsync(TestFixture.UserId, "messages:inbox", CancellationToken.None))!.DeltaLink);
        Assert.Equal((12L, 0L), await harness.CountAsync());
        trap.Stop();
    }
}
