namespace NetworkSync.Application.Notifications;

/// <summary>
/// One item of a Graph notification post: a change ("created", "updated", "deleted") or a lifecycle event
/// ("missed", "reauthorizationRequired", "subscriptionRemoved"). Only what routing needs is read; the
/// resource data is ignored, the sync reads the changes itself.
/// </summary>
public sealed record ChangeNotification(string? SubscriptionId, string? ClientState, string? ChangeType, string? LifecycleEvent);
