using Hangfire;
using NetworkSync.Application.Notifications;
using NetworkSync.Storage.Coordination;

namespace NetworkSync.App.Jobs;

/// <summary>
/// Turns notifications into Hangfire jobs, at most one waiting sync per mailbox across every instance on the
/// database (<see cref="PendingSyncs"/>: only the instance whose conditional update set the mark queues the
/// job): a burst of notifications while a sync waits adds nothing, while one arriving after the sync
/// started queues the next (the running one may have read past the change's moment already).
/// </summary>
public sealed class HangfireSyncTrigger(IBackgroundJobClient jobs, PendingSyncs pending) : ISyncTrigger
{
    private int maintenanceWaiting;

    public async Task RequestSyncAsync(string mailboxId, CancellationToken cancellationToken)
    {
        if (await pending.TryClaimAsync(mailboxId, cancellationToken).ConfigureAwait(false))
        {
            jobs.Enqueue<MailboxSyncJob>(job => job.RunOnNotificationAsync(mailboxId, CancellationToken.None));
        }
    }

    /// <summary>Per process: subscription maintenance is idempotent, and each instance renews only what is due.</summary>
    public void RequestMaintenance(string? subscriptionId)
    {
        if (Interlocked.Exchange(ref maintenanceWaiting, 1) == 0)
        {
            jobs.Enqueue<SubscriptionJob>(job => job.RunAsync(CancellationToken.None));
        }
    }

    /// <summary>Called as the queued sync starts: later notifications need a sync of their own.</summary>
    public Task SyncStartingAsync(string mailboxId, CancellationToken cancellationToken) => pending.ClearAsync(mailboxId, cancellationToken);

    /// <summary>Called as the queued maintenance starts.</summary>
    public void MaintenanceStarting() => Interlocked.Exchange(ref maintenanceWaiting, 0);
}
