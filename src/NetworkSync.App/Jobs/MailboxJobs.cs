using Hangfire;

namespace NetworkSync.App.Jobs;

/// <summary>The recurring jobs every synced mailbox has: its sync and its follow-up pass.</summary>
public static class MailboxJobs
{
    public static void Schedule(IRecurringJobManager recurringJobs, string mailboxId, string syncCron, string followUpCron)
    {
        ArgumentNullException.ThrowIfNull(recurringJobs);
        recurringJobs.AddOrUpdate<MailboxSyncJob>(MailboxSyncJob.JobId(mailboxId), job => job.RunAsync(mailboxId, CancellationToken.None), syncCron);
        recurringJobs.AddOrUpdate<FollowUpJob>(FollowUpJob.JobId(mailboxId), job => job.RunAsync(mailboxId, CancellationToken.None), followUpCron);
    }
}
