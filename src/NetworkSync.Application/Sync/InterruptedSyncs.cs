using NetworkSync.Storage;
using NetworkSync.Sync.Engine;

namespace NetworkSync.Application.Sync;

/// <summary>
/// A mailbox still marked "running" when the service starts was being synced when the process stopped, and
/// that sync will never end by itself: before anything is scheduled it is recorded as failed, so /healthz
/// does not show it running forever and the schedule treats it like any other failure.
/// </summary>
public static partial class InterruptedSyncs
{
    public static async Task<int> ResetAsync(MailboxStore mailboxes, TimeProvider time, ILogger logger, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(mailboxes);
        ArgumentNullException.ThrowIfNull(time);
        var reset = await mailboxes.ResetInterruptedSyncsAsync(time.GetUtcNow(), SyncEngine.FailurePolicy, cancellationToken).ConfigureAwait(false);
        if (reset > 0)
        {
            LogReset(logger, reset);
        }

        return reset;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Count} mailbox syncs were interrupted when the service last stopped; recorded as failed (unexpected)")]
    private static partial void LogReset(ILogger logger, int count);
}
