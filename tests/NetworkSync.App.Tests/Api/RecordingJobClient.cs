using Hangfire;
using Hangfire.Common;
using Hangfire.States;

namespace NetworkSync.App.Tests.Api;

/// <summary>Stands in for Hangfire's client: records the jobs the endpoints queue instead of running them.</summary>
internal sealed class RecordingJobClient : IBackgroundJobClient
{
    private readonly List<Job> jobs = [];

    public IReadOnlyList<Job> Jobs
    {
        get
        {
            lock (jobs)
            {
                return [.. jobs];
            }
        }
    }

    public string Create(Job job, IState state)
    {
        lock (jobs)
        {
            jobs.Add(job);
            return jobs.Count.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }
    }

    public bool ChangeState(string jobId, IState state, string expectedState) => true;
}
