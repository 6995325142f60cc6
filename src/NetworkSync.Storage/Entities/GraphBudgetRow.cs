namespace NetworkSync.Storage.Entities;

/// <summary>
/// A mailbox's Graph budget shared by every instance: until when a 429 holds every instance back, and how
/// many requests the instances reserved in the current window (reserved in blocks, see GraphBudgetStore).
/// </summary>
public sealed class GraphBudgetRow
{
    public required string MailboxId { get; set; }

    public long ThrottledUntilMs { get; set; }

    public long WindowStartMs { get; set; }

    public int WindowReserved { get; set; }
}
