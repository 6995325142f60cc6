namespace NetworkSync.Sync.Http;

/// <summary>The last line of defence: nothing leaves this client except for the configured Graph host.</summary>
public sealed class GraphHostGuardHandler(Uri graphBaseUrl) : DelegatingHandler
{
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!IsSameAuthority(request.RequestUri, graphBaseUrl))
        {
            throw new ForeignHostException($"Refused a request to {request.RequestUri?.GetLeftPart(UriPartial.Authority)}: only {graphBaseUrl.GetLeftPart(UriPartial.Authority)} is Graph.");
        }

        return base.SendAsync(request, cancellationToken);
    }

    public static bool IsSameAuthority(Uri? candidate, Uri graphBaseUrl) =>
        candidate is not null
        && candidate.IsAbsoluteUri
        && string.Equals(candidate.Scheme, graphBaseUrl.Scheme, StringComparison.OrdinalIgnoreCase)
        && string.Equals(candidate.IdnHost, graphBaseUrl.IdnHost, StringComparison.OrdinalIgnoreCase)
        && candidate.Port == graphBaseUrl.Port
        && string.IsNullOrEmpty(candidate.UserInfo);
}
