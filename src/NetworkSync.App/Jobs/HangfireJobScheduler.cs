using Hangfire;

namespace NetworkSync.App.Jobs;

/// <summary>The service's <see cref="IJobScheduler"/>: the application's requests as Hangfire jobs.</summary>
public sealed class HangfireJobScheduler(IRecurringJobManager recurringJobs, IBackgroundJobClient backgroundJobs) : IJobScheduler
{
    public void RemoveMailboxJobs(string mailboxId)
    {
        recurringJobs.RemoveIfExists(MailboxSyncJob.JobId(mailboxId));
        recurringJobs.RemoveIfExists(FollowUpJob.JobId(mailboxId));
    }

    public void QueueDirectorySync() =>
        backgroundJobs.Enqueue<DirectorySyncJob>(job => job.RunAsync(CancellationToken.None));

    public void QueueFollowUpPass(string mailboxId) =>
        backgroundJobs.Enqueue<FollowUpJob>(job => job.RunAsync(mailboxId, CancellationToken.None));
}
