using Hangfire;
using NetworkSync.App.Features.FollowUps;

namespace NetworkSync.App.Jobs;

/// <summary>Queues the follow-up pass as a Hangfire <see cref="FollowUpJob"/>.</summary>
public sealed class HangfireFollowUpPassScheduler(IBackgroundJobClient jobs) : IFollowUpPassScheduler
{
    public void QueueFollowUpPass(string mailboxId) =>
        jobs.Enqueue<FollowUpJob>(job => job.RunAsync(mailboxId, CancellationToken.None));
}
