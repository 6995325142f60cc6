namespace NetworkSync.Sync.Notifications;

/// <summary>
/// A mailbox collection the service asks Graph to watch. Whole collections, not folders: any change in
/// mail or calendar is reason enough to run the (cheap, delta) sync, which then reads only what changed.
/// <see cref="RequiredPermission"/> is the least application permission Graph's "Create subscription" page
/// lists for the resource: for events that is Calendars.Read, more than the Calendars.ReadBasic.All the
/// calendar's delta sync needs, so a tenant that granted only the latter gets a 403 here.
/// </summary>
public sealed record WatchedResource(string Name, string ResourceTemplate, string RequiredPermission)
{
    public static readonly WatchedResource Messages = new("messages", "users/{0}/messages", "Mail.ReadBasic.All");

    public static readonly WatchedResource Events = new("events", "users/{0}/events", "Calendars.Read");

    public static IReadOnlyList<WatchedResource> All { get; } = [Messages, Events];

    public string ResourceFor(string mailboxId) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, ResourceTemplate, Uri.EscapeDataString(mailboxId));
}
