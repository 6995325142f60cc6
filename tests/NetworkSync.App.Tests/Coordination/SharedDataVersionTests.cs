using NetworkSync.Application.Contacts;
using NetworkSync.Domain.Relationships;
using NetworkSync.Storage;
using NetworkSync.Storage.Coordination;

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

        // A's cache reads the shared version at most once per poll interval (1 s, inside the 2 s promise):
        // once that has passed, its next answer must have B's sync, however slow the machine.
        await Task.Delay(PollInterval(pair));
        Assert.Contains(await cacheOfA.GetAsync(mailbox, DateTimeOffset.UtcNow, includeAutomated: true, CancellationToken.None), c => c.Address == "zed@newco.example");
    }

    [Fact]
    public async Task A_correction_made_on_instance_A_reaches_instance_B_scores_without_a_sync()
    {
        await using var pair = await TwoInstances.StartAsync();
        pair.Graph.Receive("shared-version-2", "Zed Newman", "zed@newco.example", "Hello from a new contact");
        Assert.True((await pair.A.Coordinator.SyncAllAsync(null, CancellationToken.None)).Succeeded);
        var mailbox = (await new MailboxStore(pair.A.Database).GetMailboxAsync(pair.Graph.Owner, CancellationToken.None))!;
        var cacheOfB = pair.B.Get<ContactScoreCache>();
        var before = (await cacheOfB.GetAsync(mailbox, DateTimeOffset.UtcNow, includeAutomated: true, CancellationToken.None)).Single(c => c.Address == "zed@newco.example");
        Assert.False(before.Automated);

        await pair.A.Get<ContactCorrections>().SetAsync(mailbox, new ContactCorrection("zed@newco.example", ContactOverrideKind.Muted), CancellationToken.None);

        await Task.Delay(PollInterval(pair));
        var after = (await cacheOfB.GetAsync(mailbox, DateTimeOffset.UtcNow, includeAutomated: true, CancellationToken.None)).SingleOrDefault(c => c.Address == "zed@newco.example");
        Assert.NotEqual(before, after);
    }

    private static TimeSpan PollInterval(TwoInstances pair) =>
        TimeSpan.FromMilliseconds(pair.A.Get<CoordinationOptions>().DataVersionPollMilliseconds + 100);
}
