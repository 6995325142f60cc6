using System.Net;

namespace NetworkSync.App.Hosting.Local;

/// <summary>Local mode listens on loopback only: checks the addresses it is asked to bind and answer for.</summary>
public static class LoopbackAddresses
{
    /// <summary>The host names a local-mode request may carry (guards against DNS rebinding).</summary>
    public static readonly string[] AllowedHosts = ["localhost", "127.0.0.1", "[::1]"];

    /// <summary>The configured URLs that are not loopback ("http://0.0.0.0:80", "http://*:5000", a LAN address).</summary>
    public static IReadOnlyList<string> NonLoopback(IEnumerable<string> urls) =>
        urls.SelectMany(u => u.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Where(u => !IsLoopback(u))
            .ToList();

    public static bool IsLoopback(string url)
    {
        // Kestrel's wildcard forms are not URIs: "http://*:5000", "http://+:5000".
        var start = url.IndexOf("://", StringComparison.Ordinal);
        var rest = start >= 0 ? url[(start + 3)..] : url;
        if (rest.StartsWith('*') || rest.StartsWith('+'))
        {
            return false;
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            return false;
        }

        return uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));
    }
}
