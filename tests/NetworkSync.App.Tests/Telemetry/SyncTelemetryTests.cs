using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using NetworkSync.App.Tests.FollowUps;
using NetworkSync.GraphEmulator;
using NetworkSync.Sync.Telemetry;

namespace NetworkSync.App.Tests.Telemetry;

/// <summary>
/// NetworkSync's meter and span source, heard in-process (MeterListener, ActivityListener) while the real
/// Graph client syncs a mailbox in the emulator over HTTP. The listener hears only this test's container's
/// meter (its meter factory is the instruments' scope), so tests running at once do not mix their figures.
/// </summary>
public sealed class SyncTelemetryTests
{
    private static readonly DateTimeOffset Now = new(2026, 6, 10, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task A_sync_records_its_duration_and_Graph_requests_by_status_and_a_429_counts_as_a_throttle()
    {
        await using var mailbox = await FollowUpMailbox.StartAsync(Now);
        var scope = mailbox.Services.GetRequiredService<IMeterFactory>();
        using var heard = new HeardMeasurements(scope);

        // Two 429s (Retry-After 0, so the retries go at once) in place of two of the mailbox's GETs.
        mailbox.Emulator.Faults.Add(new FaultRule { Kind = FaultKind.TooManyRequests, RetryAfter = "0", Mailbox = FollowUpMailbox.UserId, Method = "GET", Times = 2 });
        var spans = new ConcurrentBag<Activity>();
        using var activities = new ActivityListener
        {
            ShouldListenTo = source => source.Name == NetworkSyncTelemetry.Name,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = spans.Add,
        };
        ActivitySource.AddActivityListener(activities);

        // The span source is process-wide: this test's spans are the ones under its own parent span.
        using var testSource = new ActivitySource("NetworkSync.Tests.SyncTelemetry");
        using var testListener = new ActivityListener
        {
            ShouldListenTo = source => ReferenceEquals(source, testSource),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(testListener);
        ActivityTraceId trace;
        using (var parent = testSource.StartActivity("test")!)
        {
            trace = parent.TraceId;
            await mailbox.SyncAsync();
        }

        var duration = Assert.Single(heard.For(NetworkSyncTelemetry.SyncDurationName));
        Assert.Equal(FollowUpMailbox.UserId, duration.Tags[NetworkSyncTelemetry.MailboxIdTag]);
        Assert.Equal("succeeded", duration.Tags[NetworkSyncTelemetry.OutcomeTag]);
        Assert.True(duration.Value >= 0);

        // Every attempt the client counted, and by status: the two 429s and the rest answered 200.
        var requests = heard.For(NetworkSyncTelemetry.GraphRequestsName);
        Assert.Equal(mailbox.Coordinator.GraphRequests, requests.Sum(r => (long)r.Value));
        Assert.Equal(2, requests.Where(r => Equals(r.Tags["http.response.status_code"], 429)).Sum(r => (long)r.Value));
        Assert.True(requests.Where(r => Equals(r.Tags["http.response.status_code"], 200)).Sum(r => (long)r.Value) > 0);
        var throttles = heard.For(NetworkSyncTelemetry.GraphThrottlesName);
        Assert.Equal(2, throttles.Sum(t => (long)t.Value));
        Assert.All(throttles, t => Assert.Equal(429, t.Tags["http.response.status_code"]));

        // The delta lag of the mailbox is observable now, measured from the sync's success on the test's clock.
        mailbox.Clock.Now = Now.AddMinutes(5);
        heard.Listener.RecordObservableInstruments();
        var lag = Assert.Single(heard.For(NetworkSyncTelemetry.DeltaLagName));
        Assert.Equal(FollowUpMailbox.UserId, lag.Tags[NetworkSyncTelemetry.MailboxIdTag]);
        Assert.Equal(300, lag.Value, precision: 3);

        // No tag anywhere carries the mailbox's address.
        Assert.DoesNotContain(heard.All, m => m.Tags.Values.Any(v => v is string s && s.Contains('@', StringComparison.Ordinal)));
        var span = Assert.Single(spans, s => s.TraceId == trace);
        Assert.Equal(FollowUpMailbox.UserId, span.GetTagItem(NetworkSyncTelemetry.MailboxIdTag));
        Assert.Equal("succeeded", span.GetTagItem(NetworkSyncTelemetry.OutcomeTag));
    }

    /// <summary>One measurement as heard: its value and its tags.</summary>
    private sealed record Heard(string Instrument, double Value, IReadOnlyDictionary<string, object?> Tags);

    /// <summary>What NetworkSync's meter of one container reports, kept in order.</summary>
    private sealed class HeardMeasurements : IDisposable
    {
        private readonly ConcurrentQueue<Heard> measurements = new();

        public HeardMeasurements(IMeterFactory scope)
        {
            Listener = new MeterListener
            {
                InstrumentPublished = (instrument, listener) =>
                {
                    if (instrument.Meter.Name == NetworkSyncTelemetry.Name && ReferenceEquals(instrument.Meter.Scope, scope))
                    {
                        listener.EnableMeasurementEvents(instrument);
                    }
                },
            };
            Listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) => Keep(instrument, value, tags));
            Listener.SetMeasurementEventCallback<double>((instrument, value, tags, _) => Keep(instrument, value, tags));
            Listener.Start();
        }

        public MeterListener Listener { get; }

        public IReadOnlyList<Heard> All => [.. measurements];

        public IReadOnlyList<Heard> For(string instrument) => [.. measurements.Where(m => m.Instrument == instrument)];

        public void Dispose() => Listener.Dispose();

        private void Keep(Instrument instrument, double value, ReadOnlySpan<KeyValuePair<string, object?>> tags)
        {
            var copy = new Dictionary<string, object?>(StringComparer.Ordinal);
            foreach (var (key, tagValue) in tags)
            {
                copy[key] = tagValue;
            }

            measurements.Enqueue(new Heard(instrument.Name, value, copy));
        }
    }
}
