using Microsoft.Extensions.Options;
using Microsoft.Kiota.Abstractions;
using NetworkSync.Application.Sync;
using NetworkSync.Storage;
using NetworkSync.Storage.Entities;
using NetworkSync.Sync.Notifications;

namespace NetworkSync.Application.Notifications;

/// <summary>
/// Keeps one Graph subscription per synced mailbox and watched resource (mail, calendar): creates the
/// missing, renews those close to expiry, recreates those Graph lost, and deletes the ones nobody needs:
/// for mailboxes no longer synced, and strays pointing at this service that it has no record of (a create
/// whose answer never arrived). Each subscription gets its own clientState; only its hash is stored.
/// </summary>
public sealed partial class SubscriptionMaintainer(
    SubscriptionStore subscriptions,
    MailboxStore mailboxes,
    SyncCoordinator coordinator,
    INotificationEndpoint address,
    IOptions<NotificationOptions> options,
    MissingPermissions missingPermissions,
    TimeProvider time,
    ILogger<SubscriptionMaintainer> logger) : IMailboxSubscriptions, IDisposable
{
    private readonly SemaphoreSlim gate = new(1, 1);

    public async Task<SubscriptionMaintenanceResult> MaintainAsync(CancellationToken cancellationToken)
    {
        if (await address.ResolveAsync(cancellationToken).ConfigureAwait(false) is not { } urls)
        {
            return new SubscriptionMaintenanceResult(0, 0, 0, 0, 0, address.OffReason ?? "the service's address is unknown");
        }

        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await MaintainAsync(urls.Notifications, urls.Lifecycle, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task RemoveMailboxAsync(string mailboxId, CancellationToken cancellationToken)
    {
        await gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var client = new SubscriptionClient(coordinator.Connection, time);
            foreach (var row in (await subscriptions.ListAsync(cancellationToken).ConfigureAwait(false)).Where(r => r.MailboxId == mailboxId))
            {
                try
                {
                    await client.DeleteAsync(row.Id, cancellationToken).ConfigureAwait(false);
                }
                catch (Exception ex) when (ex is ApiException or HttpRequestException)
                {
                    // The row goes anyway: without it every notification of that subscription is rejected,
                    // and Graph drops the subscription when it expires (in days at most).
                    LogDeleteFailed(logger, mailboxId, ex.GetType().Name, ex.Message);
                }

                await subscriptions.DeleteAsync(row.Id, cancellationToken).ConfigureAwait(false);
            }
        }
        finally
        {
            gate.Release();
        }
    }

    private async Task<SubscriptionMaintenanceResult> MaintainAsync(Uri notificationUrl, Uri lifecycleUrl, CancellationToken cancellationToken)
    {
        var client = new SubscriptionClient(coordinator.Connection, time);
        var now = time.GetUtcNow();
        var renewBefore = now + TimeSpan.FromHours(Math.Max(0, options.Value.RenewBeforeHours));
        var expiresAt = now + TimeSpan.FromHours(Math.Clamp(options.Value.SubscriptionHours, 1, 7 * 24 - 1));
        var held = await ListHeldAsync(client, cancellationToken).ConfigureAwait(false);
        var stored = await subscriptions.ListAsync(cancellationToken).ConfigureAwait(false);
        var recorded = stored.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var synced = (await mailboxes.ListMailboxesAsync(cancellationToken).ConfigureAwait(false)).Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        int created = 0, renewed = 0, kept = 0, deleted = 0, failed = 0;

        foreach (var row in stored.Where(r => !synced.Contains(r.MailboxId)))
        {
            await client.DeleteAsync(row.Id, cancellationToken).ConfigureAwait(false);
            await subscriptions.DeleteAsync(row.Id, cancellationToken).ConfigureAwait(false);
            recorded.Remove(row.Id);
            held?.Remove(row.Id);
            deleted++;
        }

        foreach (var mailboxId in synced.Order(StringComparer.Ordinal))
        {
            foreach (var resource in WatchedResource.All)
            {
                var row = stored.FirstOrDefault(r => r.MailboxId == mailboxId && r.Collection == resource.Name);

                // Graph's word beats the record: a subscription it no longer holds, or one that still posts
                // to an address the service has moved away from, is replaced.
                var current = row is not null && (held is null || (held.TryGetValue(row.Id, out var graphs) && SameUrl(graphs.NotificationUrl, notificationUrl)));
                try
                {
                    if (current && row!.ExpiresMs > renewBefore.ToUnixTimeMilliseconds())
                    {
                        missingPermissions.Clear(mailboxId, Feature(resource));
                        kept++;
                        continue;
                    }

                    if (current && row!.ExpiresMs > now.ToUnixTimeMilliseconds()
                        && await client.RenewAsync(row.Id, expiresAt, cancellationToken).ConfigureAwait(false) is { } renewedTo)
                    {
                        row.ExpiresMs = renewedTo.ToUnixTimeMilliseconds();
                        await subscriptions.SaveAsync(row, cancellationToken).ConfigureAwait(false);
                        missingPermissions.Clear(mailboxId, Feature(resource));
                        renewed++;
                        continue;
                    }

                    if (row is not null)
                    {
                        await client.DeleteAsync(row.Id, cancellationToken).ConfigureAwait(false);
                        await subscriptions.DeleteAsync(row.Id, cancellationToken).ConfigureAwait(false);
                        recorded.Remove(row.Id);
                        held?.Remove(row.Id);
                        deleted++;
                    }

                    recorded.Add(await CreateAsync(client, mailboxId, resource, notificationUrl, lifecycleUrl, expiresAt, now, cancellationToken).ConfigureAwait(false));
                    missingPermissions.Clear(mailboxId, Feature(resource));
                    created++;
                }
                catch (ApiException ex) when (ex.ResponseStatusCode == 403)
                {
                    // Graph does not say which permission it wants; the service knows what each resource needs.
                    failed++;
                    missingPermissions.Report(mailboxId, Feature(resource), resource.RequiredPermission);
                    LogForbidden(logger, mailboxId, resource.Name, resource.RequiredPermission);
                }
                catch (Exception ex) when (ex is ApiException or HttpRequestException or InvalidDataException)
                {
                    // One mailbox's refusal (no permission, validation failed) must not stop the others;
                    // the schedule keeps the mailbox in sync meanwhile and the next run tries again.
                    failed++;
                    LogFailed(logger, mailboxId, resource.Name, ex.GetType().Name, ex.Message);
                }
            }
        }

        deleted += await DeleteStraysAsync(client, held, recorded, notificationUrl, cancellationToken).ConfigureAwait(false);
        LogMaintained(logger, created, renewed, kept, deleted, failed);
        return new SubscriptionMaintenanceResult(created, renewed, kept, deleted, failed);
    }

    /// <summary>Subscribes, records the subscription (its secret only as a hash) and returns its id.</summary>
    private async Task<string> CreateAsync(
        SubscriptionClient client, string mailboxId, WatchedResource resource, Uri notificationUrl, Uri lifecycleUrl, DateTimeOffset expiresAt, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var secret = ClientStateSecret.New();
        var subscription = await client.CreateAsync(mailboxId, resource, notificationUrl, lifecycleUrl, secret, expiresAt, cancellationToken).ConfigureAwait(false);
        await subscriptions.SaveAsync(
            new SubscriptionRow
            {
                Id = subscription.Id,
                MailboxId = mailboxId,
                Collection = resource.Name,
                ClientStateHash = ClientStateSecret.Hash(secret),
                ExpiresMs = subscription.ExpiresAt.ToUnixTimeMilliseconds(),
                CreatedMs = now.ToUnixTimeMilliseconds(),
            },
            cancellationToken).ConfigureAwait(false);
        return subscription.Id;
    }

    /// <summary>The subscriptions Graph holds for this app, by id; null when it would not say (then the record is trusted).</summary>
    private async Task<Dictionary<string, GraphSubscription>?> ListHeldAsync(SubscriptionClient client, CancellationToken cancellationToken)
    {
        try
        {
            return (await client.ListAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(s => s.Id, StringComparer.Ordinal);
        }
        catch (ApiException ex)
        {
            LogListFailed(logger, ex.GetType().Name, ex.Message);
            return null;
        }
    }

    /// <summary>
    /// Deletes subscriptions that post to this service but that it has no record of (a create whose answer
    /// never arrived). Subscriptions posting elsewhere are left alone: another deployment may share the app.
    /// </summary>
    private static async Task<int> DeleteStraysAsync(
        SubscriptionClient client, Dictionary<string, GraphSubscription>? held, HashSet<string> recorded, Uri notificationUrl, CancellationToken cancellationToken)
    {
        if (held is null)
        {
            return 0;
        }

        var strays = 0;
        foreach (var subscription in held.Values.Where(s => !recorded.Contains(s.Id) && SameUrl(s.NotificationUrl, notificationUrl)))
        {
            await client.DeleteAsync(subscription.Id, cancellationToken).ConfigureAwait(false);
            strays++;
        }

        return strays;
    }

    private static string Feature(WatchedResource resource) => $"{resource.Name} change notifications";

    private static bool SameUrl(string reported, Uri expected) =>
        Uri.TryCreate(reported, UriKind.Absolute, out var uri) && Uri.Compare(uri, expected, UriComponents.AbsoluteUri, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    public void Dispose() => gate.Dispose();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not delete a change-notification subscription of mailbox {Mailbox} in Graph ({Error}: {Reason}); it expires by itself")]
    private static partial void LogDeleteFailed(ILogger logger, string mailbox, string error, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not subscribe to changes of mailbox {Mailbox} {Resource} ({Error}: {Reason}); its scheduled sync continues")]
    private static partial void LogFailed(ILogger logger, string mailbox, string resource, string error, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Graph refused the {Resource} change-notification subscription of mailbox {Mailbox} (403): the app needs the {Permission} permission; the mailbox keeps syncing on the schedule")]
    private static partial void LogForbidden(ILogger logger, string mailbox, string resource, string permission);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not list the change-notification subscriptions ({Error}: {Reason}); the stored ones are trusted and strays left to expire")]
    private static partial void LogListFailed(ILogger logger, string error, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Change-notification subscriptions: {Created} created, {Renewed} renewed, {Kept} kept, {Deleted} deleted, {Failed} failed")]
    private static partial void LogMaintained(ILogger logger, int created, int renewed, int kept, int deleted, int failed);
}
