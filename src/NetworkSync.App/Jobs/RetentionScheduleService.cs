using Hangfire;
using NetworkSync.Application.Privacy;

namespace NetworkSync.App.Jobs;

/// <summary>Registers <see cref="RetentionJob"/>'s daily schedule at start-up.</summary>
public sealed class RetentionScheduleService(IRecurringJobManager recurringJobs, PrivacyOptions options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        RetentionJob.Schedule(recurringJobs, options);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
