namespace NetworkSync.Application.Notifications;

/// <summary>Asks for a mailbox to be synced soon (a change notification arrived).</summary>
public interface ISyncTrigger
{
    void RequestSync(string mailboxId);

    /// <summary>Asks for the subscription maintenance to run soon (Graph removed or wants to reauthorize one).</summary>
    void RequestMaintenance(string? subscriptionId);
}
