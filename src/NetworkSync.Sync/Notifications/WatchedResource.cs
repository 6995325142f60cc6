namespace NetworkSync.Sync.Notifications;

/// <summary>
/// A mailbox collection the service asks Graph to watch. Whole collections, not folders: any change in
/// mail or calendar is reason enough to run the (cheap, delta) sync, which then reads only what changed.
/// </summary>
public sealed record WatchedResource(string Name, string ResourceTemplate)
{
    public static readonly WatchedResource Messages = new("messages", "users/{0}/messages");

    public static readonly WatchedResource Events = new("events", "users/{0}/events");

    public static IReadOnlyList<WatchedResource> All { get; } = [Messages, Events];

    public string ResourceFor(string mailboxId) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, ResourceTemplate, Uri.EscapeDataString(mailboxId));
}
