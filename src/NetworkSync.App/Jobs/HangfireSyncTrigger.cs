using System.Collections.Concurrent;
using Hangfire;
using NetworkSync.Application.Notifications;

namespace NetworkSync.App.Jobs;

/// <summary>
/// Turns notifications into Hangfire jobs, at most one waiting sync per mailbox: a burst of notifications
/// while a sync waits adds nothing, while one arriving after the sync started queues the next (the
/// running one may have read past the change's moment already).
/// </summary>
public sealed class HangfireSyncTrigger(IBackgroundJobClient jobs) : ISyncTrigger
{
    private readonly ConcurrentDictionary<string, byte> waiting = new(StringComparer.Ordinal);
    private int maintenanceWaiting;

    public void RequestSync(string mailboxId)
    {
        if (waiting.TryAdd(mailboxId, 0))
        {
            jobs.Enqueue<MailboxSyncJob>(job => job.RunOnNotificationAsync(mailboxId, CancellationToken.None));
        }
    }

    public void RequestMaintenance(string? subscriptionId)
    {
        if (Interlocked.Exchange(ref maintenanceWaiting, 1) == 0)
        {
            jobs.Enqueue<SubscriptionJob>(job => job.RunAsync(CancellationToken.None));
        }
    }

    /// <summary>Called as the queued sync starts: later notifications need a sync of their own.</summary>
    public void SyncStarting(string mailboxId) => waiting.TryRemove(mailboxId, out _);

    /// <summary>Called as the queued maintenance starts.</summary>
    public void MaintenanceStarting() => Interlocked.Exchange(ref maintenanceWaiting, 0);
}
