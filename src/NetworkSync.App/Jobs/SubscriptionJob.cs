using Hangfire;
using NetworkSync.Application.Notifications;

namespace NetworkSync.App.Jobs;

/// <summary>The Hangfire job keeping the change-notification subscriptions alive (see <see cref="SubscriptionMaintainer"/>).</summary>
public sealed class SubscriptionJob(SubscriptionMaintainer maintainer, HangfireSyncTrigger trigger)
{
    public const string JobId = "notification-subscriptions";

    [DisableConcurrentExecution(timeoutInSeconds: 10 * 60)]
    [AutomaticRetry(Attempts = 2)]
    public Task RunAsync(CancellationToken cancellationToken)
    {
        trigger.MaintenanceStarting();
        return maintainer.MaintainAsync(cancellationToken);
    }
}
