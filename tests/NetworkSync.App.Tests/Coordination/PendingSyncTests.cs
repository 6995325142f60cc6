using NetworkSync.App.Jobs;
using NetworkSync.App.Tests.Api;
using NetworkSync.Storage.Coordination;

namespace NetworkSync.App.Tests.Coordination;

/// <summary>Change notifications arriving at any instance queue at most one pending sync per mailbox across all of them.</summary>
public sealed class PendingSyncTests
{
    [Fact]
    public async Task A_burst_of_notifications_over_two_instances_queues_one_sync_and_the_next_after_it_starts()
    {
        await using var pair = await TwoInstances.StartAsync();
        var jobsOfA = new RecordingJobClient();
        var jobsOfB = new RecordingJobClient();
        var triggerOfA = new HangfireSyncTrigger(jobsOfA, pair.A.Get<PendingSyncs>());
        var triggerOfB = new HangfireSyncTrigger(jobsOfB, pair.B.Get<PendingSyncs>());
        var mailbox = pair.Graph.Owner;

        await Task.WhenAll(Enumerable.Range(0, 20).Select(i => (i % 2 == 0 ? triggerOfA : triggerOfB).RequestSyncAsync(mailbox, CancellationToken.None)));
        Assert.Equal(1, jobsOfA.Jobs.Count + jobsOfB.Jobs.Count);

        // The queued sync starts (on whichever instance runs it): the next notification queues a sync of its own.
        await triggerOfB.SyncStartingAsync(mailbox, CancellationToken.None);
        await triggerOfA.RequestSyncAsync(mailbox, CancellationToken.None);
        await triggerOfB.RequestSyncAsync(mailbox, CancellationToken.None);
        Assert.Equal(2, jobsOfA.Jobs.Count + jobsOfB.Jobs.Count);

        // Another mailbox is not held up by this one's pending sync.
        await triggerOfB.RequestSyncAsync("another-mailbox", CancellationToken.None);
        Assert.Equal(3, jobsOfA.Jobs.Count + jobsOfB.Jobs.Count);
    }
}
