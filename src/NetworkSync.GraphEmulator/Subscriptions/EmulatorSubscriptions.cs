using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetworkSync.GraphEmulator.Http;
using NetworkSync.GraphEmulator.Storage;
using NetworkSync.GraphEmulator.Subscriptions;

namespace NetworkSync.GraphEmulator;

/// <summary>
/// The change-notification subscriptions created through <c>POST /v1.0/subscriptions</c>, and the
/// notifications they produce: a change to a subscribed mailbox's messages or events made through
/// <see cref="EmulatorTenant"/> (in-process or via /_emulator) is queued and POSTed to the subscription's
/// notificationUrl in the background (see <see cref="GraphEmulator.Notifications"/> for what was sent).
/// An expired subscription is gone: it is not listed, gets nothing, and answers 404.
/// </summary>
public sealed class EmulatorSubscriptions : ITenantChangeObserver
{
    private readonly ConcurrentDictionary<string, StoredSubscription> _byId = new(StringComparer.OrdinalIgnoreCase);
    private readonly TimeProvider _clock;
    private readonly string _tenantId;
    private readonly NotificationSender _sender;
    private readonly NotificationDispatcher _dispatcher;
    private long _created;

    internal EmulatorSubscriptions(GraphEmulatorOptions options, NotificationSender sender, NotificationDispatcher dispatcher)
    {
        _clock = options.TimeProvider ?? TimeProvider.System;
        _tenantId = options.TenantId;
        MaxLifetime = options.MaxSubscriptionLifetime;
        _sender = sender;
        _dispatcher = dispatcher;
    }

    /// <summary>The longest expiration a create or renewal may ask for (<see cref="GraphEmulatorOptions.MaxSubscriptionLifetime"/>).</summary>
    public TimeSpan MaxLifetime { get; }

    /// <summary>Number of current (unexpired) subscriptions.</summary>
    public int Count => Snapshot().Count;

    internal DateTimeOffset Now => _clock.GetUtcNow();

    internal NotificationSender Sender => _sender;

    /// <summary>The next creation number for <see cref="StoredSubscription.Number"/>.</summary>
    internal long NextNumber() => Interlocked.Increment(ref _created);

    /// <summary>The current (unexpired) subscriptions, oldest first, client states included.</summary>
    public IReadOnlyList<SubscriptionInfo> Snapshot() => [.. Current().Select(s => s.ToInfo())];

    /// <summary>A current subscription by id, or null (unknown, deleted or expired).</summary>
    public SubscriptionInfo? Get(string id) => Find(id)?.ToInfo();

    /// <summary>
    /// POSTs a lifecycle notification <c>{"value":[{subscriptionId, subscriptionExpirationDateTime, tenantId,
    /// clientState, lifecycleEvent}]}</c> to the subscription's lifecycleNotificationUrl, retrying like change
    /// notifications, and returns the last attempt. <see cref="LifecycleEvents.SubscriptionRemoved"/> deletes the
    /// subscription first (no change notification follows it). <paramref name="lifecycleEvent"/> is one of
    /// <see cref="LifecycleEvents"/> (ArgumentException otherwise); an unknown subscription throws
    /// KeyNotFoundException, one without a lifecycleNotificationUrl InvalidOperationException.
    /// </summary>
    public async Task<NotificationLogEntry> SendLifecycleAsync(string subscriptionId, string lifecycleEvent, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(subscriptionId);
        var name = LifecycleEvents.Normalize(lifecycleEvent)
            ?? throw new ArgumentException($"Unknown lifecycleEvent '{lifecycleEvent}'; expected missed, subscriptionRemoved or reauthorizationRequired.", nameof(lifecycleEvent));
        var subscription = Find(subscriptionId) ?? throw new KeyNotFoundException($"No subscription '{subscriptionId}'.");
        var url = subscription.LifecycleNotificationUrl
            ?? throw new InvalidOperationException($"Subscription '{subscriptionId}' has no lifecycleNotificationUrl.");
        if (name == LifecycleEvents.SubscriptionRemoved)
        {
            Remove(subscription.Id);
        }

        var notification = new JsonObject
        {
            ["subscriptionId"] = subscription.Id,
            ["subscriptionExpirationDateTime"] = FormatDate(subscription.Expiration),
            ["tenantId"] = _tenantId,
            ["clientState"] = subscription.ClientState,
            ["lifecycleEvent"] = name,
        };
        var body = JsonSerializer.SerializeToUtf8Bytes(new JsonObject { ["value"] = new JsonArray(notification) });
        return await _sender.SendAsync(subscription.Id, url, NotificationKind.Lifecycle, 1, body, ct).ConfigureAwait(false);
    }

    /// <summary>Graph's date format for subscriptions: UTC with seven fractional digits.</summary>
    internal static string FormatDate(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture);

    internal void Add(StoredSubscription subscription) => _byId[subscription.Id] = subscription;

    internal bool Remove(string id) => _byId.TryRemove(id, out _);

    /// <summary>A current subscription; an expired one is dropped on the way, as Graph deletes them.</summary>
    internal StoredSubscription? Find(string id)
    {
        if (!_byId.TryGetValue(id, out var subscription))
        {
            return null;
        }

        if (subscription.IsExpired(Now))
        {
            _byId.TryRemove(new KeyValuePair<string, StoredSubscription>(id, subscription));
            return null;
        }

        return subscription;
    }

    internal IReadOnlyList<StoredSubscription> Current()
    {
        var now = Now;
        return [.. _byId.Values.Where(s => !s.IsExpired(now)).OrderBy(s => s.Number)];
    }

    void ITenantChangeObserver.MessageChanged(string userId, MessageChange change)
    {
        if (_byId.IsEmpty)
        {
            return;
        }

        foreach (var subscription in Current())
        {
            if (subscription.Collection != SubscribedCollection.Messages || !string.Equals(subscription.UserId, userId, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var (type, regularId) = Classify(subscription.FolderId, change);
            if (type != ChangeTypes.None && (subscription.ChangeTypes & type) != 0)
            {
                var itemId = subscription.ImmutableIds ? change.ImmutableId : regularId!;
                Queue(subscription, type, userId, "Messages", "#Microsoft.Graph.Message", itemId, change.Sequence);
            }
        }
    }

    void ITenantChangeObserver.EventChanged(string userId, string eventId, ChangeTypes change, long sequence)
    {
        if (_byId.IsEmpty)
        {
            return;
        }

        foreach (var subscription in Current())
        {
            if (subscription.Collection == SubscribedCollection.Events && (subscription.ChangeTypes & change) != 0
                && string.Equals(subscription.UserId, userId, StringComparison.OrdinalIgnoreCase))
            {
                Queue(subscription, change, userId, "Events", "#Microsoft.Graph.Event", eventId, sequence);
            }
        }
    }

    /// <summary>
    /// What a message change is to one subscription, and the regular id it is reported under. The whole
    /// mailbox sees a move as an update (under the new id); a folder sees it as a delete (old id) when the
    /// message left and as a create (new id) when it arrived.
    /// </summary>
    private static (ChangeTypes Type, string? RegularId) Classify(string? folderId, MessageChange change)
    {
        if (folderId is null)
        {
            return change switch
            {
                { FromFolderId: null } => (ChangeTypes.Created, change.ToRegularId),
                { ToFolderId: null } => (ChangeTypes.Deleted, change.FromRegularId),
                _ => (ChangeTypes.Updated, change.ToRegularId),
            };
        }

        var wasHere = change.FromFolderId == folderId;
        var isHere = change.ToFolderId == folderId;
        return (wasHere, isHere) switch
        {
            (true, true) => (ChangeTypes.Updated, change.ToRegularId),
            (false, true) => (ChangeTypes.Created, change.ToRegularId),
            (true, false) => (ChangeTypes.Deleted, change.FromRegularId),
            _ => (ChangeTypes.None, null),
        };
    }

    private void Queue(StoredSubscription subscription, ChangeTypes type, string userId, string collection, string odataType, string itemId, long sequence)
    {
        var resource = $"Users/{userId}/{collection}/{itemId}";
        _dispatcher.Enqueue(subscription, new JsonObject
        {
            ["subscriptionId"] = subscription.Id,
            ["subscriptionExpirationDateTime"] = FormatDate(subscription.Expiration),
            ["changeType"] = ChangeTypeList.Name(type),
            ["resource"] = resource,
            ["resourceData"] = new JsonObject
            {
                ["@odata.type"] = odataType,
                ["@odata.id"] = resource,
                ["@odata.etag"] = DeltaRequest.ETag(sequence),
                ["id"] = itemId,
            },
            ["clientState"] = subscription.ClientState,
            ["tenantId"] = _tenantId,
        });
    }
}
