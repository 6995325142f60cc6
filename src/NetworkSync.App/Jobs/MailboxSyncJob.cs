using Hangfire;
using NetworkSync.App.Features.Sync;
using NetworkSync.Storage;

namespace NetworkSync.App.Jobs;

/// <summary>The Hangfire job behind each mailbox's recurring sync, and the sync a change notification asks for.</summary>
public sealed partial class MailboxSyncJob(SyncCoordinator coordinator, MailboxStore mailboxes, ILogger<MailboxSyncJob> logger, HangfireSyncTrigger? trigger = null)
{
    public static string JobId(string mailboxId) => "sync-" + mailboxId;

    // A slow sync must not be started again on top of itself by the next tick.
    [DisableConcurrentExecution(timeoutInSeconds: 30 * 60)]
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(string mailboxId, CancellationToken cancellationToken) => SyncAsync(mailboxId, cancellationToken);

    private async Task SyncAsync(string mailboxId, CancellationToken cancellationToken)
    {
        var mailbox = await mailboxes.FindMailboxAsync(mailboxId, cancellationToken).ConfigureAwait(false);
        if (mailbox is null)
        {
            LogUnknown(logger, mailboxId);
            return;
        }

        var result = await coordinator.SyncMailboxAsync(mailbox, null, cancellationToken).ConfigureAwait(false);
        if (!result.Succeeded)
        {
            LogFailed(logger, mailboxId, result.Error);
        }
    }

    /// <summary>
    /// A sync asked for by a change notification. No DisableConcurrentExecution here: that lock is one for
    /// all mailboxes, and SyncCoordinator already keeps each mailbox to one sync at a time.
    /// </summary>
    [AutomaticRetry(Attempts = 0)]
    public Task RunOnNotificationAsync(string mailboxId, CancellationToken cancellationToken)
    {
        trigger?.SyncStarting(mailboxId);
        return SyncAsync(mailboxId, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync for unknown mailbox {Mailbox} skipped")]
    private static partial void LogUnknown(ILogger logger, string mailbox);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync of mailbox {Mailbox} failed: {Reason}")]
    private static partial void LogFailed(ILogger logger, string mailbox, string? reason);
}
