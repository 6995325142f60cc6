namespace NetworkSync.Sync.Http;

/// <summary>Counts what went over the wire, for the sync summary, tests and benchmarks.</summary>
public sealed class GraphRequestStats
{
    private long requests;

    /// <summary>Every HTTP attempt sent to Graph, retries included.</summary>
    public long Requests => Interlocked.Read(ref requests);

    internal void CountRequest() => Interlocked.Increment(ref requests);
}
