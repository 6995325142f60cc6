namespace NetworkSync.Sync.Http;

/// <summary>Innermost handler: counts each attempt that actually goes over the wire.</summary>
public sealed class RequestCountingHandler(GraphRequestStats stats) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        stats.CountRequest();
        return base.SendAsync(request, cancellationToken);
    }
}
