namespace NetworkSync.Storage.Entities;

/// <summary>
/// One of a mailbox's in-flight request slots (Graph allows 4 at once per mailbox, whoever sends them):
/// an instance holds it until <see cref="ExpiresMs"/>, renewing it while it sends.
/// </summary>
public sealed class GraphSlotRow
{
    public required string MailboxId { get; set; }

    public int Slot { get; set; }

    public string? Owner { get; set; }

    public long ExpiresMs { get; set; }
}
