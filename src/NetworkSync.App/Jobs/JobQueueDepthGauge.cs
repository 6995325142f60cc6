using System.Diagnostics.Metrics;
using Hangfire;
using NetworkSync.Sync.Telemetry;

namespace NetworkSync.App.Jobs;

/// <summary>
/// The Hangfire queue depth as an observable gauge on NetworkSync's meter: read from Hangfire's monitoring
/// API only when a metrics reader collects (once per export interval), so an idle exporter costs nothing.
/// With several instances on one job storage every instance reports the same, shared queues.
/// </summary>
public sealed class JobQueueDepthGauge : IHostedService
{
    public const string Name = "networksync.jobs.queue_depth";
    public const string QueueTag = "networksync.job.queue";

    private readonly JobStorage storage;

    public JobQueueDepthGauge(JobStorage storage, NetworkSyncTelemetry telemetry)
    {
        ArgumentNullException.ThrowIfNull(telemetry);
        this.storage = storage;
        telemetry.Meter.CreateObservableGauge(Name, Observe, "{job}", "Jobs enqueued and not yet picked up, by Hangfire queue.");
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private IEnumerable<Measurement<long>> Observe()
    {
        var monitoring = storage.GetMonitoringApi();
        var queues = monitoring.Queues();

        // No queue has been used yet: report the default one as empty rather than nothing, so the series exists.
        if (queues.Count == 0)
        {
            return [new Measurement<long>(0, new KeyValuePair<string, object?>(QueueTag, "default"))];
        }

        return queues.Select(q => new Measurement<long>(q.Length, new KeyValuePair<string, object?>(QueueTag, q.Name))).ToList();
    }
}
