using Hangfire;
using Microsoft.Extensions.Options;
using NetworkSync.App.Hosting;
using NetworkSync.Application.FollowUps;
using NetworkSync.Application.Notifications;
using NetworkSync.Application.Sync;

namespace NetworkSync.App.Jobs;

/// <summary>
/// Daily, and when a user resumes syncing after deleting their data: syncs every mailbox the schedule is not
/// holding back after failures (SyncCoordinator.SyncAllDueAsync), listing the
/// directory when that is due (SyncCoordinator does so once a day), so people who joined the tenant get
/// their recurring jobs and subscriptions without a restart.
/// </summary>
public sealed partial class DirectorySyncJob(
    SyncCoordinator coordinator,
    IRecurringJobManager recurringJobs,
    IOptions<SyncScheduleOptions> schedule,
    FollowUpServiceOptions followUps,
    ILogger<DirectorySyncJob> logger,
    SubscriptionMaintainer subscriptions)
{
    public const string JobId = "directory";

    [DisableConcurrentExecution(timeoutInSeconds: 30 * 60)]
    [AutomaticRetry(Attempts = 1)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // Mailboxes held back after failures keep the recurring jobs they were given; only new ones need theirs.
        var summary = await coordinator.SyncAllDueAsync(cancellationToken).ConfigureAwait(false);
        foreach (var mailbox in summary.Mailboxes)
        {
            MailboxJobs.Schedule(recurringJobs, mailbox.MailboxId, schedule.Value.Cron, followUps.Cron);
        }

        await subscriptions.MaintainAsync(cancellationToken).ConfigureAwait(false);

        LogFinished(logger, summary.ToSummaryLine());
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Directory sync finished: {Summary}")]
    private static partial void LogFinished(ILogger logger, string summary);
}
