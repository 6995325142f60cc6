using Hangfire;

namespace NetworkSync.App.Jobs;

/// <summary>Registers <see cref="WarmthModelJob"/>'s daily schedule at start-up; does nothing in a host without Hangfire.</summary>
public sealed class WarmthModelScheduleService(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (services.GetService<IRecurringJobManager>() is { } recurringJobs)
        {
            WarmthModelJob.Schedule(recurringJobs);
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
