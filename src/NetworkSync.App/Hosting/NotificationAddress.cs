using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;
using NetworkSync.Application.Notifications;
using NetworkSync.Sync.Configuration;

namespace NetworkSync.App.Hosting;

/// <summary>
/// Where Graph sends this service's notifications: {base}/api/notifications, and lifecycle events to
/// {base}/api/notifications/lifecycle. The base is Notifications:PublicUrl; without one, the service's own
/// listening address when Graph is the built-in emulator (which runs beside it on loopback), else none.
/// </summary>
public sealed class NotificationAddress(IOptions<NotificationOptions> options, IOptions<GraphOptions> graph, IServer server, IHostApplicationLifetime lifetime) : INotificationEndpoint
{
    public const string NotificationsPath = "/api/notifications";
    public const string LifecyclePath = "/api/notifications/lifecycle";

    /// <summary>Why <see cref="ResolveAsync"/> answers null, for the log; null when it does not.</summary>
    public string? OffReason =>
        !options.Value.Enabled ? "Notifications:Enabled is false"
        : !string.IsNullOrWhiteSpace(options.Value.PublicUrl) ? PublicUrlProblem(options.Value.PublicUrl, graph.Value.AuthMode)
        : graph.Value.AuthMode == GraphAuthMode.Emulator ? null
        : "Notifications:PublicUrl is not set (Graph must reach the service over https)";

    /// <summary>
    /// Why <paramref name="publicUrl"/> cannot work, or null: Graph posts only to absolute https URLs (the
    /// built-in emulator also to http on loopback), and the URL is a base, so it carries no query or fragment.
    /// </summary>
    public static string? PublicUrlProblem(string publicUrl, GraphAuthMode mode)
    {
        if (!Uri.TryCreate(publicUrl, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return $"Notifications:PublicUrl '{publicUrl}' is not an absolute http(s) URL";
        }

        if (uri.Scheme == Uri.UriSchemeHttp && !(mode == GraphAuthMode.Emulator && uri.IsLoopback))
        {
            return $"Notifications:PublicUrl '{publicUrl}' must use https: Graph posts notifications only over https";
        }

        return uri.Query.Length > 0 || uri.Fragment.Length > 0
            ? $"Notifications:PublicUrl '{publicUrl}' must be a base URL, without query or fragment"
            : null;
    }

    /// <summary>The notification URL, or null when notifications are off. Waits for the server to listen.</summary>
    public async Task<(Uri Notifications, Uri Lifecycle)?> ResolveAsync(CancellationToken cancellationToken)
    {
        if (OffReason is not null)
        {
            return null;
        }

        var baseUrl = options.Value.PublicUrl;
        if (string.IsNullOrWhiteSpace(baseUrl))
        {
            await WhenStartedAsync(cancellationToken).ConfigureAwait(false);
            baseUrl = server.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
            if (baseUrl is null)
            {
                return null;
            }
        }

        var root = new Uri(baseUrl.TrimEnd('/') + "/", UriKind.Absolute);
        return (new Uri(root, NotificationsPath.TrimStart('/')), new Uri(root, LifecyclePath.TrimStart('/')));
    }

    private Task WhenStartedAsync(CancellationToken cancellationToken)
    {
        if (lifetime.ApplicationStarted.IsCancellationRequested)
        {
            return Task.CompletedTask;
        }

        var started = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        lifetime.ApplicationStarted.Register(() => started.TrySetResult());
        return started.Task.WaitAsync(cancellationToken);
    }
}
