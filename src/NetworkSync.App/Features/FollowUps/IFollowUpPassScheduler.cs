namespace NetworkSync.App.Features.FollowUps;

/// <summary>
/// Queues a mailbox's follow-up pass to run soon, so a user's change reaches its To Do task without
/// waiting for the next scheduled pass. The job system behind it is the host's business.
/// </summary>
public interface IFollowUpPassScheduler
{
    void QueueFollowUpPass(string mailboxId);
}
