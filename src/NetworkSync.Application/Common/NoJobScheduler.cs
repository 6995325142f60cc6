namespace NetworkSync.Application.Common;

/// <summary>The <see cref="IJobScheduler"/> of a host without background jobs: there is nothing to stop or queue.</summary>
public sealed class NoJobScheduler : IJobScheduler
{
    public void RemoveMailboxJobs(string mailboxId)
    {
    }

    public void QueueDirectorySync()
    {
    }

    public void QueueFollowUpPass(string mailboxId)
    {
    }
}
