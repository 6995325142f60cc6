namespace NetworkSync.Storage.Entities;

/// <summary>
/// Since when a notified sync of a mailbox is queued (by whichever instance won the conditional update);
/// null when none is. Cleared as the queued sync starts.
/// </summary>
public sealed class PendingSyncRow
{
    public required string MailboxId { get; set; }

    public long? SinceMs { get; set; }
}
