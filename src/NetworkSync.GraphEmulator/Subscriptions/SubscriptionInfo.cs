namespace NetworkSync.GraphEmulator;

/// <summary>
/// A snapshot of one current subscription, as <see cref="EmulatorSubscriptions"/> lists it. Unlike Graph's
/// answers it includes the client state, so a test can check what the service sent.
/// </summary>
public sealed record SubscriptionInfo(
    string Id,
    string Resource,
    string ChangeType,
    Uri NotificationUrl,
    Uri? LifecycleNotificationUrl,
    DateTimeOffset ExpirationDateTime,
    string? ClientState,
    string ApplicationId,
    string CreatorId);
