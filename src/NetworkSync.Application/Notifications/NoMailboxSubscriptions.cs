namespace NetworkSync.Application.Notifications;

/// <summary>The <see cref="IMailboxSubscriptions"/> of a host that subscribes to no change notifications.</summary>
public sealed class NoMailboxSubscriptions : IMailboxSubscriptions
{
    public Task RemoveMailboxAsync(string mailboxId, CancellationToken cancellationToken) => Task.CompletedTask;
}
