using Hangfire;
using NetworkSync.Application.Sync;
using NetworkSync.Domain.Sync;
using NetworkSync.Storage;

namespace NetworkSync.App.Jobs;

/// <summary>The Hangfire job behind each mailbox's recurring sync, and the sync a change notification asks for.</summary>
public sealed partial class MailboxSyncJob(SyncCoordinator coordinator, MailboxStore mailboxes, TimeProvider time, ILogger<MailboxSyncJob> logger, HangfireSyncTrigger trigger)
{
    public static string JobId(string mailboxId) => "sync-" + mailboxId;

    /// <summary>
    /// The recurring sync. A tick that finds the mailbox busy (its previous sync still running) is skipped
    /// rather than queued, and so is one that comes while the mailbox is held back after failures
    /// (<see cref="SyncFailurePolicy.MayRunScheduled"/>): in its pause after passing trouble, or for good after a
    /// failure someone must fix (a sync by hand or a restart tries again). Not DisableConcurrentExecution: Hangfire's lock is one per method, for every
    /// mailbox, so one slow mailbox would hold up all the others.
    /// </summary>
    [AutomaticRetry(Attempts = 0)]
    public Task RunAsync(string mailboxId, CancellationToken cancellationToken) => SyncAsync(mailboxId, waitIfBusy: false, cancellationToken);

    /// <summary>
    /// A sync asked for by a change notification: it waits for a running sync of the mailbox (which may have
    /// read past the change already), and SyncCoordinator keeps each mailbox to one sync at a time.
    /// </summary>
    [AutomaticRetry(Attempts = 0)]
    public async Task RunOnNotificationAsync(string mailboxId, CancellationToken cancellationToken)
    {
        await trigger.SyncStartingAsync(mailboxId, cancellationToken).ConfigureAwait(false);
        await SyncAsync(mailboxId, waitIfBusy: true, cancellationToken).ConfigureAwait(false);
    }

    private async Task SyncAsync(string mailboxId, bool waitIfBusy, CancellationToken cancellationToken)
    {
        var mailbox = await mailboxes.FindMailboxAsync(mailboxId, cancellationToken).ConfigureAwait(false);
        if (mailbox is null)
        {
            LogUnknown(logger, mailboxId);
            return;
        }

        // The schedule waits out a pause and never retries a failure someone must fix; a change notification
        // (new mail) does not wait out a pause, but a mailbox failed for good stays held back for it too.
        var failedForGood = mailbox.LastFailureKind is { } wire && SyncFailurePolicy.IsPermanent(SyncFailureKindNames.FromWire(wire));
        if (waitIfBusy ? failedForGood : !SyncCoordinator.IsDue(mailbox, time.GetUtcNow()))
        {
            var kind = mailbox.LastFailureKind ?? SyncFailureKind.Unexpected.ToWire();
            LogHeldBack(logger, mailboxId, kind, mailbox.ConsecutiveFailures, mailbox.NextAttemptMs is { } next ? DateTimeOffset.FromUnixTimeMilliseconds(next) : null);
            return;
        }

        var result = waitIfBusy
            ? await coordinator.SyncMailboxAsync(mailbox, null, cancellationToken).ConfigureAwait(false)
            : await coordinator.SyncMailboxUnlessBusyAsync(mailbox, cancellationToken).ConfigureAwait(false);
        if (result is null)
        {
            LogBusy(logger, mailboxId);
        }
        else if (!result.Succeeded && !result.Skipped)
        {
            LogFailed(logger, mailboxId, (result.FailureKind ?? SyncFailureKind.Unexpected).ToWire(), result.Error);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled sync of mailbox {Mailbox} skipped: its previous sync is still running")]
    private static partial void LogBusy(ILogger logger, string mailbox);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync for unknown mailbox {Mailbox} skipped")]
    private static partial void LogUnknown(ILogger logger, string mailbox);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync of mailbox {Mailbox} failed ({FailureKind}): {Reason}")]
    private static partial void LogFailed(ILogger logger, string mailbox, string failureKind, string? reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Scheduled sync of mailbox {Mailbox} held back after {Failures} failures in a row ({FailureKind}); next attempt {NextAttempt} (none: only a sync by hand or a restart retries)")]
    private static partial void LogHeldBack(ILogger logger, string mailbox, string failureKind, int failures, DateTimeOffset? nextAttempt);
}
