namespace NetworkSync.Application.Notifications;

/// <summary>
/// Where Graph should post change notifications and lifecycle events for this service, as the host knows it
/// (its public URL, or the address the web server listens on); the core only asks.
/// </summary>
public interface INotificationEndpoint
{
    /// <summary>Why notifications are off (no usable public address), or null when they may be on.</summary>
    string? OffReason { get; }

    /// <summary>The notification and lifecycle URLs, or null while (or when) the address is unknown.</summary>
    Task<(Uri Notifications, Uri Lifecycle)?> ResolveAsync(CancellationToken cancellationToken);
}
