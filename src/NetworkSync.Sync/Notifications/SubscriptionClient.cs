using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using NetworkSync.Sync.Http;

namespace NetworkSync.Sync.Notifications;

/// <summary>
/// Graph change-notification subscriptions through the real Graph client. Only "something changed"
/// notifications (no resource data): the sync that follows reads the changes with its usual $select.
/// A create is never retried blindly (see RetryAfterHandler); a subscription whose answer was lost is
/// found by <see cref="ListAsync"/> and deleted as a stray.
/// </summary>
public sealed class SubscriptionClient(GraphConnection connection)
{
    /// <summary>Every change type: a deletion matters too (an event cancelled, a thread removed).</summary>
    public const string ChangeTypes = "created,updated,deleted";

    private GraphServiceClient Client => connection.Client;

    public async Task<GraphSubscription> CreateAsync(
        string mailboxId, WatchedResource collection, Uri notificationUrl, Uri lifecycleUrl, string clientState, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(notificationUrl);
        ArgumentNullException.ThrowIfNull(lifecycleUrl);
        var created = await Client.Subscriptions.PostAsync(
            new Subscription
            {
                ChangeType = ChangeTypes,
                Resource = collection.ResourceFor(mailboxId),
                NotificationUrl = notificationUrl.AbsoluteUri,
                LifecycleNotificationUrl = lifecycleUrl.AbsoluteUri,
                ClientState = clientState,
                ExpirationDateTime = expiresAt,
            },
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return ToSubscription(created) ?? throw new InvalidDataException("Graph created a subscription without an id.");
    }

    /// <summary>Moves the expiry; false when Graph no longer has the subscription.</summary>
    public async Task<bool> RenewAsync(string subscriptionId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        try
        {
            await Client.Subscriptions[subscriptionId].PatchAsync(new Subscription { ExpirationDateTime = expiresAt }, cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ODataError ex) when (ex.ResponseStatusCode == 404)
        {
            return false;
        }
    }

    /// <summary>Deletes the subscription; one already gone is fine.</summary>
    public async Task DeleteAsync(string subscriptionId, CancellationToken cancellationToken)
    {
        try
        {
            await Client.Subscriptions[subscriptionId].DeleteAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (ODataError ex) when (ex.ResponseStatusCode == 404)
        {
            // Expired or removed already: the goal is reached.
        }
    }

    /// <summary>The subscriptions this application holds (Graph lists only the caller app's own).</summary>
    public async Task<IReadOnlyList<GraphSubscription>> ListAsync(CancellationToken cancellationToken)
    {
        var result = new List<GraphSubscription>();
        var page = await Client.Subscriptions.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        while (page is not null)
        {
            result.AddRange((page.Value ?? []).Select(ToSubscription).OfType<GraphSubscription>());
            if (page.OdataNextLink is not { } next)
            {
                break;
            }

            if (!Uri.TryCreate(next, UriKind.Absolute, out var uri) || !GraphHostGuardHandler.IsSameAuthority(uri, connection.BaseUrl))
            {
                throw new ForeignHostException($"Graph returned a subscriptions link to {(uri is null ? "an unreadable address" : uri.GetLeftPart(UriPartial.Authority))}, not to {connection.BaseUrl.GetLeftPart(UriPartial.Authority)}; refusing to send the token there.");
            }

            page = await Client.Subscriptions.WithUrl(next).GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return result;
    }

    private static GraphSubscription? ToSubscription(Subscription? s) =>
        s?.Id is { } id ? new GraphSubscription(id, s.Resource ?? "", s.NotificationUrl ?? "", s.ExpirationDateTime ?? DateTimeOffset.MinValue) : null;
}
