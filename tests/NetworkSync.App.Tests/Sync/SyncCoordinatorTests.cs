using NetworkSync.App.Tests.FollowUps;
using NetworkSync.GraphEmulator;
using NetworkSync.Storage;

namespace NetworkSync.App.Tests.Sync;

/// <summary>
/// One sync per mailbox at a time, and what a second request does meanwhile: a scheduled tick gives up at
/// once (the next tick comes anyway), a notified sync waits its turn (the running one may have read past
/// the change).
/// </summary>
public sealed class SyncCoordinatorTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_scheduled_sync_of_a_busy_mailbox_is_skipped_while_a_notified_one_waits_its_turn()
    {
        await using var mailbox = await FollowUpMailbox.StartAsync(Now);
        await mailbox.SyncAsync();
        var store = new MailboxStore(mailbox.Database);
        var dana = (await store.GetMailboxAsync(FollowUpMailbox.UserId, CancellationToken.None))!;

        mailbox.Emulator.Faults.Add(new FaultRule { Kind = FaultKind.Slow, Delay = TimeSpan.FromMilliseconds(500), Mailbox = FollowUpMailbox.UserId, Method = "GET", Times = 3 });
        var running = mailbox.Coordinator.SyncMailboxAsync(dana, null, CancellationToken.None);
        await Eventually.WaitUntilAsync(async () => (await store.GetMailboxAsync(dana.Id, CancellationToken.None))?.LastSyncStatus == "running");

        var scheduled = await mailbox.Coordinator.SyncMailboxUnlessBusyAsync(dana, CancellationToken.None);
        var notified = mailbox.Coordinator.SyncMailboxAsync(dana, null, CancellationToken.None);

        Assert.Null(scheduled);
        Assert.False(running.IsCompleted, "the first sync ended before the others were asked for: the test proves nothing");
        Assert.False(notified.IsCompleted);
        Assert.True((await running).Succeeded);
        Assert.True((await notified).Succeeded);
        Assert.True((await mailbox.Coordinator.SyncMailboxUnlessBusyAsync(dana, CancellationToken.None))?.Succeeded);
    }
}
