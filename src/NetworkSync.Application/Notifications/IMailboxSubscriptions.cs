namespace NetworkSync.Application.Notifications;

/// <summary>
/// The change-notification subscriptions a mailbox holds, as far as deleting its data needs them: the
/// service's are kept by <see cref="SubscriptionMaintainer"/>; a host that subscribes to nothing has
/// <see cref="NoMailboxSubscriptions"/>.
/// </summary>
public interface IMailboxSubscriptions
{
    /// <summary>Deletes the mailbox's subscriptions, in Graph and here (its data is being deleted).</summary>
    Task RemoveMailboxAsync(string mailboxId, CancellationToken cancellationToken);
}
