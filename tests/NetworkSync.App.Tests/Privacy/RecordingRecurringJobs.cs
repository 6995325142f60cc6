using Hangfire;
using Hangfire.Common;

namespace NetworkSync.App.Tests.Privacy;

/// <summary>Stands in for Hangfire's recurring-job manager: keeps the jobs by id, as the storage would.</summary>
internal sealed class RecordingRecurringJobs : IRecurringJobManager
{
    private readonly Dictionary<string, (Job Job, string Cron)> jobs = new(StringComparer.Ordinal);

    public IReadOnlyDictionary<string, (Job Job, string Cron)> Jobs
    {
        get
        {
            lock (jobs)
            {
                return new Dictionary<string, (Job, string)>(jobs, StringComparer.Ordinal);
            }
        }
    }

    public void AddOrUpdate(string recurringJobId, Job job, string cronExpression, RecurringJobOptions options)
    {
        lock (jobs)
        {
            jobs[recurringJobId] = (job, cronExpression);
        }
    }

    public void Trigger(string recurringJobId)
    {
    }

    public void RemoveIfExists(string recurringJobId)
    {
        lock (jobs)
        {
            jobs.Remove(recurringJobId);
        }
    }
}
