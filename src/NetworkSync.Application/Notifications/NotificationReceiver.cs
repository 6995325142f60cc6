using NetworkSync.Storage;
using NetworkSync.Storage.Entities;

namespace NetworkSync.Application.Notifications;

/// <summary>
/// Checks each notification against the subscription it names (known id, matching clientState) and turns
/// the genuine ones into work: a sync of the mailbox for a change or a "missed" event, maintenance for a
/// removed or expiring subscription. Nothing runs inline: Graph wants an answer within seconds, and a
/// burst of notifications for one mailbox must cost one sync, not one each.
/// </summary>
public sealed partial class NotificationReceiver(SubscriptionStore subscriptions, ISyncTrigger trigger, TimeProvider time, ILogger<NotificationReceiver> logger)
{
    public async Task<NotificationOutcome> ReceiveAsync(IReadOnlyList<ChangeNotification> notifications, bool lifecycle, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(notifications);
        var accepted = 0;
        var rejected = 0;
        var mailboxes = new List<string>();
        var known = new Dictionary<string, SubscriptionRow?>(StringComparer.Ordinal);
        foreach (var notification in notifications)
        {
            var row = await FindAsync(notification.SubscriptionId, known, cancellationToken).ConfigureAwait(false);
            if (row is null || !ClientStateSecret.Matches(notification.ClientState, row.ClientStateHash))
            {
                rejected++;
                continue;
            }

            accepted++;
            if (lifecycle && notification.LifecycleEvent is { } lifecycleEvent && !lifecycleEvent.Equals("missed", StringComparison.OrdinalIgnoreCase))
            {
                // Marked as due (reauthorizationRequired: renewed, which reauthorizes it) or as expired
                // (subscriptionRemoved: replaced), and the maintenance queued; a sync covers whatever may
                // have been missed meanwhile. Any future event is treated as a removal: a new one is safe.
                var reauthorize = lifecycleEvent.Equals("reauthorizationRequired", StringComparison.OrdinalIgnoreCase);
                await subscriptions.SetExpiryAsync(row.Id, reauthorize ? Math.Min(row.ExpiresMs, time.GetUtcNow().ToUnixTimeMilliseconds() + 60_000) : 0, cancellationToken).ConfigureAwait(false);
                trigger.RequestMaintenance(row.Id);
            }

            if (!mailboxes.Contains(row.MailboxId, StringComparer.Ordinal))
            {
                mailboxes.Add(row.MailboxId);
            }
        }

        foreach (var mailbox in mailboxes)
        {
            await trigger.RequestSyncAsync(mailbox, cancellationToken).ConfigureAwait(false);
        }

        if (rejected > 0)
        {
            // Never the clientState itself, nor the ids an unknown sender made up: only that it happened.
            LogRejected(logger, rejected, notifications.Count, lifecycle);
        }

        return new NotificationOutcome(accepted, rejected, mailboxes);
    }

    private async Task<SubscriptionRow?> FindAsync(string? subscriptionId, Dictionary<string, SubscriptionRow?> known, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(subscriptionId) || subscriptionId.Length > 200)
        {
            return null;
        }

        if (!known.TryGetValue(subscriptionId, out var row))
        {
            row = await subscriptions.FindAsync(subscriptionId, cancellationToken).ConfigureAwait(false);
            known[subscriptionId] = row;
        }

        return row;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Rejected {Rejected} of {Count} change notifications (lifecycle: {Lifecycle}): unknown subscription or wrong clientState")]
    private static partial void LogRejected(ILogger logger, int rejected, int count, bool lifecycle);
}
