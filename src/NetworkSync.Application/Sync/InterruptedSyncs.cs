using NetworkSync.Storage;
using NetworkSync.Storage.Coordination;
using NetworkSync.Sync.Engine;

namespace NetworkSync.Application.Sync;

/// <summary>
/// A mailbox still marked "running" when the service starts was being synced when a process stopped, and
/// that sync will never end by itself: before anything is scheduled it is recorded as failed, so /healthz
/// does not show it running forever and the schedule treats it like any other failure. With several
/// instances on one database, "running" may be another instance's live sync: a mailbox whose lease is
/// still held (renewed while its sync runs) is left alone, and only one whose holder is gone is reset.
/// </summary>
public static partial class InterruptedSyncs
{
    public static async Task<int> ResetAsync(MailboxStore mailboxes, MailboxLeases leases, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mailboxes);
        ArgumentNullException.ThrowIfNull(leases);
        ArgumentNullException.ThrowIfNull(time);
        var orphaned = new List<string>();
        foreach (var id in await mailboxes.RunningSyncsAsync(cancellationToken).ConfigureAwait(false))
        {
            if (await leases.HolderAsync(id, cancellationToken).ConfigureAwait(false) is null)
            {
                orphaned.Add(id);
            }
        }

        var reset = await mailboxes.ResetInterruptedSyncsAsync(orphaned, time.GetUtcNow(), SyncEngine.FailurePolicy, cancellationToken).ConfigureAwait(false);
        if (reset > 0)
        {
            LogReset(logger, reset);
        }

        return reset;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} mailbox syncs were interrupted when a service instance last stopped; recorded as failed (unexpected)")]
    private static partial void LogReset(ILogger logger, int count);
}
