using Hangfire;
using NetworkSync.App.Features.FollowUps;
using NetworkSync.App.Features.Sync;
using NetworkSync.Storage;

namespace NetworkSync.App.Jobs;

/// <summary>
/// The Hangfire job that runs a mailbox's follow-up pass between syncs: meetings end and snoozes run
/// out without any new mail, and To Do changes arrive only when asked for. Also queued after a user's
/// action so its To Do task follows promptly.
/// </summary>
public sealed partial class FollowUpJob(SyncCoordinator coordinator, FollowUpPass pass, MailboxStore mailboxes, ILogger<FollowUpJob> logger)
{
    public static string JobId(string mailboxId) => "followups-" + mailboxId;

    [DisableConcurrentExecution(timeoutInSeconds: 10 * 60)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(string mailboxId, CancellationToken cancellationToken)
    {
        var mailbox = await mailboxes.FindMailboxAsync(mailboxId, cancellationToken).ConfigureAwait(false);
        if (mailbox is null)
        {
            LogUnknown(logger, mailboxId);
            return;
        }

        await pass.RunPassAsync(mailbox, coordinator.Connection, cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Follow-up job for unknown mailbox {Mailbox} skipped")]
    private static partial void LogUnknown(ILogger logger, string mailbox);
}
