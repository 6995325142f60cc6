using System.Collections.Concurrent;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace NetworkSync.Sync.Telemetry;

/// <summary>
/// NetworkSync's own traces and metrics, under the one name <see cref="Name"/> (docs/operations.md lists them).
/// Only System.Diagnostics here: the host decides whether and where they are exported (OpenTelemetry, OTLP).
/// Tags carry the mailbox's Graph user id, never an address, and never message content.
/// </summary>
public sealed class NetworkSyncTelemetry
{
    /// <summary>The name of the <see cref="ActivitySource"/> and of the <see cref="Meter"/>.</summary>
    public const string Name = "NetworkSync";

    public const string MailboxIdTag = "networksync.mailbox.id";
    public const string OutcomeTag = "networksync.sync.outcome";
    public const string SyncDurationName = "networksync.sync.duration";
    public const string GraphRequestsName = "networksync.graph.requests";
    public const string GraphThrottlesName = "networksync.graph.throttles";
    public const string DeltaLagName = "networksync.sync.delta_lag";

    /// <summary>
    /// Static because an ActivitySource has no factory: listeners choose sources by name only, and one per
    /// process is what they expect.
    /// </summary>
    public static readonly ActivitySource ActivitySource = new(Name);

    private readonly TimeProvider time;
    private readonly Histogram<double> syncDuration;
    private readonly Counter<long> graphRequests;
    private readonly Counter<long> graphThrottles;
    private readonly ConcurrentDictionary<string, DateTimeOffset> lastSuccessfulDelta = new(StringComparer.Ordinal);

    /// <summary>The meter comes from the container's factory, so each container (and each test) has its own.</summary>
    public NetworkSyncTelemetry(IMeterFactory meters, TimeProvider time)
        : this(CreateMeter(meters), time)
    {
    }

    private NetworkSyncTelemetry(Meter meter, TimeProvider time)
    {
        this.time = time;
        Meter = meter;
        syncDuration = meter.CreateHistogram<double>(SyncDurationName, "s", "How long one mailbox's sync took, by mailbox and outcome.");
        graphRequests = meter.CreateCounter<long>(GraphRequestsName, "{request}", "Every attempt sent to Graph (retries included), by status code.");
        graphThrottles = meter.CreateCounter<long>(GraphThrottlesName, "{request}", "Graph answers of 429 Too Many Requests, by status code.");
        meter.CreateObservableGauge(DeltaLagName, ObserveDeltaLag, "s", "Time since the mailbox's last successful delta sync in this instance.");
    }

    public Meter Meter { get; }

    /// <summary>
    /// For tools and tests that build a Graph client outside a container (the benchmark, the sync harness): a
    /// meter of its own that nothing exports unless a listener asks for it by name.
    /// </summary>
    public static NetworkSyncTelemetry Standalone(TimeProvider time) => new(new Meter(Name), time);

    public void RecordSync(string mailboxId, TimeSpan duration, string outcome) =>
        syncDuration.Record(duration.TotalSeconds, new KeyValuePair<string, object?>(MailboxIdTag, mailboxId), new KeyValuePair<string, object?>(OutcomeTag, outcome));

    /// <summary>One attempt over the wire: its status code, or the error type when no answer came.</summary>
    public void RecordGraphAttempt(HttpRequestMessage request, HttpResponseMessage? response, Exception? error)
    {
        ArgumentNullException.ThrowIfNull(request);
        var tags = new TagList
        {
            { "http.request.method", request.Method.Method },
            { "server.address", request.RequestUri?.Host },
            { "server.port", request.RequestUri?.Port },
        };
        if (response is not null)
        {
            tags.Add("http.response.status_code", (int)response.StatusCode);
        }
        else
        {
            tags.Add("error.type", error?.GetType().FullName ?? "unknown");
        }

        graphRequests.Add(1, tags);
        if (response is { StatusCode: System.Net.HttpStatusCode.TooManyRequests })
        {
            graphThrottles.Add(1, tags);
        }
    }

    /// <summary>The mailbox's delta is current as of <paramref name="at"/> (an older time than the one known is ignored).</summary>
    public void RecordSuccessfulDelta(string mailboxId, DateTimeOffset at) =>
        lastSuccessfulDelta.AddOrUpdate(mailboxId, at, (_, known) => at > known ? at : known);

    private static Meter CreateMeter(IMeterFactory meters)
    {
        ArgumentNullException.ThrowIfNull(meters);
        return meters.Create(Name);
    }

    private IEnumerable<Measurement<double>> ObserveDeltaLag()
    {
        var now = time.GetUtcNow();
        foreach (var (mailbox, at) in lastSuccessfulDelta)
        {
            yield return new Measurement<double>(Math.Max(0, (now - at).TotalSeconds), new KeyValuePair<string, object?>(MailboxIdTag, mailbox));
        }
    }
}
