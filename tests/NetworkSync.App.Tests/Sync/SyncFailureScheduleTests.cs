using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using NetworkSync.App.Jobs;
using NetworkSync.App.Tests.FollowUps;
using NetworkSync.Application.Sync;
using NetworkSync.Domain.Sync;
using NetworkSync.GraphEmulator;
using NetworkSync.Storage;
using NetworkSync.Storage.Coordination;
using NetworkSync.Storage.Entities;

namespace NetworkSync.App.Tests.Sync;

/// <summary>
/// What the recurring sync does after a failure, against the emulator: a failure someone must fix (a 403) is
/// not retried by the schedule, only by hand; passing trouble (a 503 that outlasts the retries) waits out a
/// growing pause; a success forgets the failures.
/// </summary>
public sealed class SyncFailureScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_403_mailbox_ends_permission_denied_and_only_a_sync_by_hand_retries_it()
    {
        await using var mailbox = await FollowUpMailbox.StartAsync(Now);
        await mailbox.SyncAsync();
        var store = new MailboxStore(mailbox.Database);
        var job = Job(mailbox, store);
        var denied = new FaultRule { Kind = FaultKind.AccessDenied, Endpoint = EndpointKind.MessagesDelta, Mailbox = FollowUpMailbox.UserId, Times = int.MaxValue };
        mailbox.Emulator.Faults.Add(denied);

        await job.RunAsync(FollowUpMailbox.UserId, CancellationToken.None);

        var row = await RowAsync(store);
        Assert.Equal("failed", row.LastSyncStatus);
        Assert.Equal("permissionDenied", row.LastFailureKind);
        Assert.Equal(1, row.ConsecutiveFailures);
        Assert.Null(row.NextAttemptMs);
        Assert.Contains("403", row.LastSyncError, StringComparison.Ordinal);

        // A day of ticks later, the schedule still leaves it alone: no request reaches Graph.
        mailbox.Emulator.Requests.Clear();
        mailbox.Clock.Now = Now.AddDays(1);
        await job.RunAsync(FollowUpMailbox.UserId, CancellationToken.None);
        Assert.Empty(mailbox.Emulator.Requests.Snapshot());
        Assert.Equal(1, (await RowAsync(store)).ConsecutiveFailures);

        // Nor does a change notification: new mail does not fix a missing grant.
        await job.RunOnNotificationAsync(FollowUpMailbox.UserId, CancellationToken.None);
        Assert.Empty(mailbox.Emulator.Requests.Snapshot());

        // Nor does the daily directory job; a directory listed afresh does not bring it back either.
        Assert.Empty((await mailbox.Coordinator.SyncAllDueAsync(CancellationToken.None)).Mailboxes);
        await store.DeleteSyncStateAsync(SyncCoordinator.DirectoryStateKey, SyncCoordinator.DirectoryStateKey, CancellationToken.None);
        Assert.Empty((await mailbox.Coordinator.SyncAllDueAsync(CancellationToken.None)).Mailboxes);
        Assert.DoesNotContain(mailbox.Emulator.Requests.Snapshot(), e => e.Endpoint == EndpointKind.MessagesDelta);

        // By hand it runs: still denied, one more failure.
        var byHand = await mailbox.Coordinator.SyncMailboxAsync(row, null, CancellationToken.None);
        Assert.Equal(SyncFailureKind.PermissionDenied, byHand.FailureKind);
        Assert.Contains(mailbox.Emulator.Requests.Snapshot(), e => e.Endpoint == EndpointKind.MessagesDelta);
        Assert.Equal(2, (await RowAsync(store)).ConsecutiveFailures);

        // The grant is fixed; a sync by hand succeeds and the schedule takes the mailbox back.
        mailbox.Emulator.Faults.Clear();
        Assert.True((await mailbox.Coordinator.SyncMailboxAsync(row, null, CancellationToken.None)).Succeeded);
        var healed = await RowAsync(store);
        Assert.Equal(("succeeded", null, 0, (long?)null), (healed.LastSyncStatus, healed.LastFailureKind, healed.ConsecutiveFailures, healed.NextAttemptMs));
        mailbox.Emulator.Requests.Clear();
        await job.RunAsync(FollowUpMailbox.UserId, CancellationToken.None);
        Assert.NotEmpty(mailbox.Emulator.Requests.Snapshot());
    }

    [Fact]
    public async Task Passing_trouble_is_retried_by_the_schedule_after_a_pause_that_grows_with_each_failure()
    {
        await using var mailbox = await FollowUpMailbox.StartAsync(Now);
        await mailbox.SyncAsync();
        var store = new MailboxStore(mailbox.Database);
        var job = Job(mailbox, store);
        mailbox.Emulator.Faults.Add(new FaultRule { Kind = FaultKind.ServiceUnavailable, RetryAfter = "0", Endpoint = EndpointKind.MessagesDelta, Mailbox = FollowUpMailbox.UserId, Times = int.MaxValue });

        await job.RunAsync(FollowUpMailbox.UserId, CancellationToken.None);
        var first = await RowAsync(store);
        Assert.Equal(("transient", 1), (first.LastFailureKind, first.ConsecutiveFailures));
        var firstPause = TimeSpan.FromMilliseconds(first.NextAttemptMs!.Value - Now.ToUnixTimeMilliseconds());
        Assert.Equal(SyncFailurePolicy.Default.FirstDelay, firstPause);

        // A tick inside the pause does nothing; one after it syncs, fails again and pauses twice as long.
        mailbox.Emulator.Requests.Clear();
        mailbox.Clock.Now = Now + firstPause - TimeSpan.FromSeconds(1);
        await job.RunAsync(FollowUpMailbox.UserId, CancellationToken.None);
        Assert.Empty(mailbox.Emulator.Requests.Snapshot());

        var retryAt = Now + firstPause;
        mailbox.Clock.Now = retryAt;
        await job.RunAsync(FollowUpMailbox.UserId, CancellationToken.None);
        var second = await RowAsync(store);
        Assert.Equal(2, second.ConsecutiveFailures);
        Assert.Equal((retryAt + (2 * firstPause)).ToUnixTimeMilliseconds(), second.NextAttemptMs);
    }

    [Fact]
    public async Task A_mailbox_left_running_by_a_crash_is_recorded_as_interrupted_at_start_up()
    {
        await using var mailbox = await FollowUpMailbox.StartAsync(Now);
        await mailbox.SyncAsync();
        var store = new MailboxStore(mailbox.Database);
        await store.RecordSyncStartedAsync(FollowUpMailbox.UserId, Now, CancellationToken.None);
        Assert.Equal("running", (await RowAsync(store)).LastSyncStatus);

        var leases = mailbox.Services.GetRequiredService<MailboxLeases>();
        var reset = await InterruptedSyncs.ResetAsync(store, leases, mailbox.Clock, NullLogger.Instance, CancellationToken.None);

        Assert.Equal(1, reset);
        var row = await RowAsync(store);
        Assert.Equal(("failed", "unexpected", 1), (row.LastSyncStatus, row.LastFailureKind, row.ConsecutiveFailures));
        Assert.Equal("interrupted: the service stopped during the sync", row.LastSyncError);
        Assert.Equal(0, await InterruptedSyncs.ResetAsync(store, leases, mailbox.Clock, NullLogger.Instance, CancellationToken.None));
    }

    [Fact]
    public async Task A_sync_another_instance_is_running_is_not_reset_by_an_instance_starting_up()
    {
        await using var mailbox = await FollowUpMailbox.StartAsync(Now);
        await mailbox.SyncAsync();
        var store = new MailboxStore(mailbox.Database);
        var options = mailbox.Services.GetRequiredService<CoordinationOptions>();
        var other = new MailboxLeases(mailbox.Database, new InstanceIdentity("other-instance"), options, mailbox.Clock);
        var starting = new MailboxLeases(mailbox.Database, new InstanceIdentity("starting-instance"), options, mailbox.Clock);
        await store.RecordSyncStartedAsync(FollowUpMailbox.UserId, Now, CancellationToken.None);

        await using (var held = await other.TryAcquireAsync(FollowUpMailbox.UserId, CancellationToken.None))
        {
            Assert.NotNull(held);
            Assert.Equal(0, await InterruptedSyncs.ResetAsync(store, starting, mailbox.Clock, NullLogger.Instance, CancellationToken.None));
            Assert.Equal("running", (await RowAsync(store)).LastSyncStatus);
        }

        // Released (or expired, as when its process is killed): now the sync is an orphan.
        Assert.Equal(1, await InterruptedSyncs.ResetAsync(store, starting, mailbox.Clock, NullLogger.Instance, CancellationToken.None));
        Assert.Equal("failed", (await RowAsync(store)).LastSyncStatus);
    }

    private static MailboxSyncJob Job(FollowUpMailbox mailbox, MailboxStore store) =>
        new(mailbox.Coordinator, store, mailbox.Clock, NullLogger<MailboxSyncJob>.Instance, new HangfireSyncTrigger(new Api.RecordingJobClient(), new NetworkSync.Storage.Coordination.PendingSyncs(mailbox.Database, new NetworkSync.Storage.Coordination.CoordinationOptions(), mailbox.Clock)));

    private static async Task<MailboxRow> RowAsync(MailboxStore store) =>
        (await store.GetMailboxAsync(FollowUpMailbox.UserId, CancellationToken.None))!;
}
