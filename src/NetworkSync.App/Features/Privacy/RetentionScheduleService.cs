using Hangfire;
using NetworkSync.App.Jobs;

namespace NetworkSync.App.Features.Privacy;

/// <summary>
/// Registers <see cref="RetentionJob"/>'s daily schedule at start-up (registered by
/// <c>AddPrivacyApi</c>); does nothing in a host without Hangfire's <see cref="IRecurringJobManager"/>.
/// </summary>
public sealed class RetentionScheduleService(IServiceProvider services, PrivacyOptions options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<IRecurringJobManager>() is { } recurringJobs)
        {
            RetentionJob.Schedule(recurringJobs, options);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
