namespace NetworkSync.GraphEmulator;

/// <summary>The <c>lifecycleEvent</c> values Graph sends to a subscription's lifecycleNotificationUrl.</summary>
public static class LifecycleEvents
{
    /// <summary>Some change notifications could not be delivered; the client should resync (e.g. run delta).</summary>
    public const string Missed = "missed";

    /// <summary>Graph removed the subscription; the client must create a new one.</summary>
    public const string SubscriptionRemoved = "subscriptionRemoved";

    /// <summary>The client must renew (PATCH) the subscription to keep receiving notifications.</summary>
    public const string ReauthorizationRequired = "reauthorizationRequired";

    internal static string? Normalize(string? value) =>
        string.Equals(value, Missed, StringComparison.OrdinalIgnoreCase) ? Missed
        : string.Equals(value, SubscriptionRemoved, StringComparison.OrdinalIgnoreCase) ? SubscriptionRemoved
        : string.Equals(value, ReauthorizationRequired, StringComparison.OrdinalIgnoreCase) ? ReauthorizationRequired
        : null;
}
