namespace NetworkSync.App.Hosting.Local;

/// <summary>
/// Whether a request that a browser sent with the session cookie came from this service's own pages.
/// SameSite=Strict keeps other sites' requests cookie-free, but a page on another loopback port is the
/// same site, so the browser's own signals decide: Sec-Fetch-Site must be same-origin (or none, a typed
/// address), an Origin must name this very host, and a state-changing request must carry one.
/// </summary>
public static class SameOriginRequests
{
    public static bool IsSameOrigin(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var fetchSite = request.Headers["Sec-Fetch-Site"].ToString();
        if (fetchSite.Length > 0 && fetchSite is not ("same-origin" or "none"))
        {
            return false;
        }

        var origin = request.Headers.Origin.ToString();
        if (origin.Length > 0)
        {
            return string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
        }

        // Browsers send Origin with every state-changing request; only a plain navigation or a same-origin GET lacks it.
        return HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method);
    }
}
