using Hangfire;
using NetworkSync.Application.FollowUps;
using NetworkSync.Application.Sync;

namespace NetworkSync.App.Jobs;

/// <summary>
/// The Hangfire job that runs a mailbox's follow-up pass between syncs: meetings end and snoozes run
/// out without any new mail, and To Do changes arrive only when asked for. Also queued after a user's
/// action so its To Do task follows promptly.
/// </summary>
public sealed partial class FollowUpJob(SyncCoordinator coordinator, FollowUpPass pass, ILogger<FollowUpJob> logger)
{
    public static string JobId(string mailboxId) => "followups-" + mailboxId;

    [DisableConcurrentExecution(timeoutInSeconds: 10 * 60)]
    [AutomaticRetry(Attempts = 0)]
    public async Task RunAsync(string mailboxId, CancellationToken cancellationToken)
    {
        // Under the mailbox's sync lock, looked up once it is held: the pass writes follow-ups, settings and
        // To Do links, and must not write them for a mailbox whose data was deleted while it waited.
        await coordinator.RunExclusiveAsync(
            mailboxId,
            async ct =>
            {
                var mailbox = await coordinator.SyncableMailboxAsync(mailboxId, ct).ConfigureAwait(false);
                if (mailbox is null)
                {
                    LogUnknown(logger, mailboxId);
                    return;
                }

                await pass.RunPassAsync(mailbox, coordinator.Connection, ct).ConfigureAwait(false);
            },
            cancellationToken).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Follow-up job for mailbox {Mailbox} skipped: not stored (deleted, or never synced)")]
    private static partial void LogUnknown(ILogger logger, string mailbox);
}
