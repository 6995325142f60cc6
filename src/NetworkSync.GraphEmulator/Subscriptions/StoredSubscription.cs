namespace NetworkSync.GraphEmulator.Subscriptions;

/// <summary>
/// A subscription as the emulator keeps it: what the client sent, resolved to a user id (and folder id
/// for the folder form). Only the expiration changes (PATCH), so it alone is guarded.
/// </summary>
internal sealed class StoredSubscription
{
    private long _expirationTicks;

    public StoredSubscription(DateTimeOffset expiration) => _expirationTicks = expiration.UtcTicks;

    public required string Id { get; init; }

    /// <summary>Creation order: lists show subscriptions oldest first.</summary>
    public long Number { get; init; }

    /// <summary>The resource exactly as the client sent it; Graph echoes it back so.</summary>
    public required string Resource { get; init; }

    public required string UserId { get; init; }

    public required SubscribedCollection Collection { get; init; }

    /// <summary>The watched folder's id, or null for the whole mailbox (or for events).</summary>
    public string? FolderId { get; init; }

    public required ChangeTypes ChangeTypes { get; init; }

    /// <summary>The changeType text Graph echoes, e.g. "created,updated".</summary>
    public required string ChangeTypeText { get; init; }

    public required Uri NotificationUrl { get; init; }

    public Uri? LifecycleNotificationUrl { get; init; }

    public string? ClientState { get; init; }

    public required string ApplicationId { get; init; }

    public required string CreatorId { get; init; }

    /// <summary>Created with <c>Prefer: IdType="ImmutableId"</c>: notifications name items by their immutable ids.</summary>
    public bool ImmutableIds { get; init; }

    public DateTimeOffset Expiration
    {
        get => new(Interlocked.Read(ref _expirationTicks), TimeSpan.Zero);
        set => Interlocked.Exchange(ref _expirationTicks, value.UtcTicks);
    }

    public bool IsExpired(DateTimeOffset now) => Expiration <= now;

    public SubscriptionInfo ToInfo() => new(
        Id, Resource, ChangeTypeText, NotificationUrl, LifecycleNotificationUrl, Expiration, ClientState, ApplicationId, CreatorId);
}
