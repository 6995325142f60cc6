namespace NetworkSync.Sync.Http;

/// <summary>Counts what went over the wire, for the sync summary, tests and benchmarks.</summary>
public sealed class GraphRequestStats
{
    private long requests;
    private long retries;
    private long throttled;

    /// <summary>Every HTTP attempt sent to Graph, retries included.</summary>
    public long Requests => Interlocked.Read(ref requests);

    public long Retries => Interlocked.Read(ref retries);

    /// <summary>Answers of 429, 503 or 504.</summary>
    public long Throttled => Interlocked.Read(ref throttled);

    internal void CountRequest() => Interlocked.Increment(ref requests);

    internal void CountRetry() => Interlocked.Increment(ref retries);

    internal void CountThrottled() => Interlocked.Increment(ref throttled);
}
