namespace NetworkSync.Storage.Entities;

/// <summary>
/// A mailbox's data version shared by every instance on the database: bumped after each committed write
/// of its metadata, so an instance's caches see what another instance synced.
/// </summary>
public sealed class MailboxDataVersionRow
{
    public required string MailboxId { get; set; }

    public long Version { get; set; }
}
