namespace NetworkSync.GraphEmulator;

/// <summary>Whether a notification POST carried change notifications or a lifecycle notification.</summary>
public enum NotificationKind
{
    Change,
    Lifecycle,
}

/// <summary>
/// One delivery attempt of a notification POST (client states are never logged). <paramref name="Status"/>
/// is the receiver's HTTP status, or null when there was none (<paramref name="Error"/> says why: timeout,
/// refused connection...). <paramref name="Attempt"/> counts from 1; retries of one POST share the items.
/// </summary>
public sealed record NotificationLogEntry(
    DateTimeOffset At,
    string SubscriptionId,
    Uri Url,
    NotificationKind Kind,
    int ItemCount,
    int? Status,
    string? Error,
    int Attempt)
{
    public bool Succeeded => Status is >= 200 and < 300;
}
