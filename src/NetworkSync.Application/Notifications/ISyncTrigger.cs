namespace NetworkSync.Application.Notifications;

/// <summary>Asks for a mailbox to be synced soon (a change notification arrived).</summary>
public interface ISyncTrigger
{
    /// <summary>Asks for a sync of the mailbox; a sync already queued for it (by any instance) covers this one too.</summary>
    Task RequestSyncAsync(string mailboxId, CancellationToken cancellationToken);

    /// <summary>Asks for the subscription maintenance to run soon (Graph removed or wants to reauthorize one).</summary>
    void RequestMaintenance(string? subscriptionId);
}
