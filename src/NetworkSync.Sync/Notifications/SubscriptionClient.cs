using System.Globalization;
using System.Text.RegularExpressions;
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
/// An expiration Graph refuses as too far ahead ("Subscription expiration can only be 4230 minutes in the
/// future.") is asked again once, inside the limit the answer names: documented limits have changed over
/// the years, and a tenant's word beats the configured lifetime.
/// </summary>
public sealed partial class SubscriptionClient(GraphConnection connection, TimeProvider time)
{
    /// <summary>Every change type: a deletion matters too (an event cancelled, a thread removed).</summary>
    public const string ChangeTypes = "created,updated,deleted";

    /// <summary>How far inside Graph's named limit the retry stays: the request's own travel time and clock skew.</summary>
    internal static readonly TimeSpan LimitMargin = TimeSpan.FromMinutes(5);

    private readonly TimeProvider clock = time;

    private GraphServiceClient Client => connection.Client;

    public async Task<GraphSubscription> CreateAsync(
        string mailboxId, WatchedResource collection, Uri notificationUrl, Uri lifecycleUrl, string clientState, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(collection);
        ArgumentNullException.ThrowIfNull(notificationUrl);
        ArgumentNullException.ThrowIfNull(lifecycleUrl);
        var created = await WithinGraphsLimitAsync(
            expiresAt,
            expiry => Client.Subscriptions.PostAsync(
                new Subscription
                {
                    ChangeType = ChangeTypes,
                    Resource = collection.ResourceFor(mailboxId),
                    NotificationUrl = notificationUrl.AbsoluteUri,
                    LifecycleNotificationUrl = lifecycleUrl.AbsoluteUri,
                    ClientState = clientState,
                    ExpirationDateTime = expiry,
                },
                cancellationToken: cancellationToken)).ConfigureAwait(false);
        return ToSubscription(created) ?? throw new InvalidDataException("Graph created a subscription without an id.");
    }

    /// <summary>Moves the expiry; returns the expiry Graph accepted, or null when Graph no longer has the subscription.</summary>
    public async Task<DateTimeOffset?> RenewAsync(string subscriptionId, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        try
        {
            var accepted = expiresAt;
            var renewed = await WithinGraphsLimitAsync(
                expiresAt,
                expiry =>
                {
                    accepted = expiry;
                    return Client.Subscriptions[subscriptionId].PatchAsync(new Subscription { ExpirationDateTime = expiry }, cancellationToken: cancellationToken);
                }).ConfigureAwait(false);
            return renewed?.ExpirationDateTime ?? accepted;
        }
        catch (ODataError ex) when (ex.ResponseStatusCode == 404)
        {
            return null;
        }
    }

    /// <summary>
    /// The longest lifetime, in minutes, a refusal names, or null when the error is not a refusal of the
    /// expiration. Graph's wording (seen from tenants, microsoftgraph/microsoft-graph-docs#2988): 400
    /// "Subscription expiration can only be 4230 minutes in the future."
    /// </summary>
    internal static int? AllowedMinutes(ODataError error) =>
        error.ResponseStatusCode == 400 && error.Error?.Message is { } message && LimitPattern().Match(message) is { Success: true } match
        && int.TryParse(match.Groups["minutes"].ValueSpan, NumberStyles.None, CultureInfo.InvariantCulture, out var minutes) && minutes > 0
            ? minutes
            : null;

    private async Task<T?> WithinGraphsLimitAsync<T>(DateTimeOffset expiresAt, Func<DateTimeOffset, Task<T?>> send)
    {
        try
        {
            return await send(expiresAt).ConfigureAwait(false);
        }
        catch (ODataError ex) when (AllowedMinutes(ex) is { } minutes)
        {
            var allowed = clock.GetUtcNow() + TimeSpan.FromMinutes(minutes) - LimitMargin;
            if (allowed >= expiresAt || allowed <= clock.GetUtcNow())
            {
                throw;
            }

            return await send(allowed).ConfigureAwait(false);
        }
    }

    [GeneratedRegex(@"can only be (?<minutes>\d+) minutes in the future", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex LimitPattern();

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
