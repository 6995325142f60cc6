using NetworkSync.Sync.Telemetry;

namespace NetworkSync.Sync.Http;

/// <summary>
/// Innermost handler: counts each attempt that actually goes over the wire, for the sync summary and for
/// the Graph request and throttle metrics (by status code, retries included).
/// </summary>
public sealed class RequestCountingHandler(GraphRequestStats stats, NetworkSyncTelemetry telemetry) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        stats.CountRequest();
        try
        {
            var response = await base.SendAsync(request, cancellationToken).ConfigureAwait(false);
            telemetry.RecordGraphAttempt(request, response, null);
            return response;
        }
        catch (Exception ex)
        {
            telemetry.RecordGraphAttempt(request, null, ex);
            throw;
        }
    }
}
