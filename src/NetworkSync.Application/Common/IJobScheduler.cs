namespace NetworkSync.Application.Common;

/// <summary>
/// The background work the application asks of its host. `serve` runs it on Hangfire
/// (<c>Jobs/HangfireJobScheduler</c>); one-shot hosts (the CLI, most tests) run no jobs (<see cref="NoJobScheduler"/>).
/// </summary>
public interface IJobScheduler
{
    /// <summary>Stops the mailbox's recurring sync and follow-up jobs: its data is being deleted.</summary>
    void RemoveMailboxJobs(string mailboxId);

    /// <summary>Lists the directory and syncs every mailbox soon, rather than at the next daily run.</summary>
    void QueueDirectorySync();

    /// <summary>Runs the mailbox's follow-up pass soon, so a user's change reaches its To Do task without waiting for the schedule.</summary>
    void QueueFollowUpPass(string mailboxId);
}
