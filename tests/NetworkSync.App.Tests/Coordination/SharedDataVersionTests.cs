using System.Diagnostics;
using NetworkSync.Application.Contacts;
using NetworkSync.Storage;

namespace NetworkSync.App.Tests.Coordination;

/// <summary>Caches follow the data version shared through the database: what instance B synced, instance A shows within 2 s.</summary>
public sealed class SharedDataVersionTests
{
    [Fact]
    public async Task A_sync_by_instance_B_shows_in_instance_A_contacts_within_two_seconds()
    {
        await using var pair = await TwoInstances.StartAsync();
        Assert.True((await pair.A.Coordinator.SyncAllAsync(null, CancellationToken.None)).Succeeded);
        var mailbox = (await new MailboxStore(pair.A.Database).GetMailboxAsync(pair.Graph.Owner, CancellationToken.None))!;
        var cacheOfA = pair.A.Get<ContactScoreCache>();
        Assert.DoesNotContain(await cacheOfA.GetAsync(mailbox, DateTimeOffset.UtcNow, includeAutomated: true, CancellationToken.None), c => c.Address == "zed@newco.example");

        pair.Graph.Receive("shared-version-1", "Zed Newman", "zed@newco.example", "Hello from a new contact");
        Assert.True((await pair.B.Coordinator.SyncAllAsync(null, CancellationToken.None)).Succeeded);
        var synced = Stopwatch.StartNew();

        await Eventually.WaitUntilAsync(async () =>
            (await cacheOfA.GetAsync(mailbox, DateTimeOffset.UtcNow, includeAutomated: true, CancellationToken.None)).Any(c => c.Address == "zed@newco.example"));
        Assert.True(synced.Elapsed < TimeSpan.FromSeconds(2), $"instance A showed B's sync after {synced.Elapsed.TotalSeconds:0.00} s");
    }
}
