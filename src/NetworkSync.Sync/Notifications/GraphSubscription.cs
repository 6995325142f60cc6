namespace NetworkSync.Sync.Notifications;

/// <summary>A change-notification subscription as Graph reports it (without its clientState).</summary>
public sealed record GraphSubscription(string Id, string Resource, string NotificationUrl, DateTimeOffset ExpiresAt);
