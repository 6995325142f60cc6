using Hangfire;
using Microsoft.Extensions.Options;
using NetworkSync.App.Hosting;
using NetworkSync.Application.FollowUps;
using NetworkSync.Application.Notifications;
using NetworkSync.Application.Sync;
using NetworkSync.Sync.Engine;

namespace NetworkSync.App.Jobs;

/// <summary>
/// On start: syncs every mailbox once with progress in the log, marks the service healthy, then
/// gives each mailbox its recurring Hangfire sync and follow-up jobs, and subscribes to change notifications.
/// </summary>
public sealed partial class StartupSyncService(
    SyncCoordinator coordinator,
    SyncHealth health,
    IRecurringJobManager recurringJobs,
    IOptions<SyncScheduleOptions> schedule,
    FollowUpServiceOptions followUps,
    ILogger<StartupSyncService> logger,
    SubscriptionMaintainer subscriptions,
    IOptions<NotificationOptions> notifications) : BackgroundService
{
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMinutes(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        SyncRunSummary? summary = null;
        while (summary is null)
        {
            try
            {
                LogStarting(logger);
                summary = await coordinator.SyncAllAsync(new Progress<SyncProgress>(ReportProgress), stoppingToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex) when (ex is not OutOfMemoryException)
            {
                // Listing the mailboxes failed (bad credentials, Graph unreachable): say why, stay up
                // (health stays "starting"), and try again in a minute.
                LogDiscoveryFailed(logger, ex.GetType().Name, ex.Message);
                await Task.Delay(RetryDelay, stoppingToken).ConfigureAwait(false);
            }
        }

        health.MarkFirstSyncFinished(summary);
        LogFinished(logger, summary.ToSummaryLine());
        foreach (var mailbox in summary.Mailboxes)
        {
            MailboxJobs.Schedule(recurringJobs, mailbox.MailboxId, schedule.Value.Cron, followUps.Cron);
        }

        recurringJobs.AddOrUpdate<DirectorySyncJob>(DirectorySyncJob.JobId, job => job.RunAsync(CancellationToken.None), schedule.Value.DirectoryCron);
        await SubscribeAsync(stoppingToken).ConfigureAwait(false);
    }

    /// <summary>
    /// Change notifications, once the mailboxes are known: syncs then follow changes within seconds, and
    /// the schedule above stays as the safety net.
    /// </summary>
    private async Task SubscribeAsync(CancellationToken stoppingToken)
    {
        try
        {
            var result = await subscriptions.MaintainAsync(stoppingToken).ConfigureAwait(false);
            if (result.OffReason is { } reason)
            {
                LogNotificationsOff(logger, reason);
                return;
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException and not OutOfMemoryException)
        {
            // The recurring job below tries again; the scheduled syncs run meanwhile.
            LogSubscribeFailed(logger, ex.GetType().Name, ex.Message);
        }

        recurringJobs.AddOrUpdate<SubscriptionJob>(SubscriptionJob.JobId, job => job.RunAsync(CancellationToken.None), notifications.Value.MaintenanceCron);
    }

    private void ReportProgress(SyncProgress progress)
    {
        if (progress.Completed || progress.Pages % 10 == 0)
        {
            LogProgress(logger, progress.Mailbox, progress.Collection, progress.Pages, progress.Items, progress.Completed);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "First sync starting")]
    private static partial void LogStarting(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Sync {Mailbox} {Collection}: {Pages} pages, {Items} items (done: {Done})")]
    private static partial void LogProgress(ILogger logger, string mailbox, string collection, int pages, int items, bool done);

    [LoggerMessage(Level = LogLevel.Information, Message = "First sync finished: {Summary}")]
    private static partial void LogFinished(ILogger logger, string summary);

    [LoggerMessage(Level = LogLevel.Information, Message = "Change notifications are off ({Reason}): mailboxes sync on their schedule only")]
    private static partial void LogNotificationsOff(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not set up change notifications ({Error}: {Reason}); retrying on the maintenance schedule")]
    private static partial void LogSubscribeFailed(ILogger logger, string error, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Could not list the mailboxes to sync ({Error}: {Reason}); retrying in a minute")]
    private static partial void LogDiscoveryFailed(ILogger logger, string error, string reason);
}
