namespace NetworkSync.Storage.Entities;

/// <summary>
/// Where one Graph collection of one mailbox stands. The delta link is written only after the
/// items of the round that produced it are committed, so a crash replays rather than skips.
/// </summary>
public sealed class SyncStateRow
{
    public required string MailboxId { get; set; }

    /// <summary>"messages:inbox", "messages:sentitems", ..., "events" or "todo"; also "followups" and "mailbox-settings" for when those last ran.</summary>
    public required string Collection { get; set; }

    public string? DeltaLink { get; set; }

    /// <summary>The Graph id of the container tracked when it is not implied (the To Do task list).</summary>
    public string? ResourceId { get; set; }

    /// <summary>Bumped by every full enumeration; rows not seen by the latest one are swept.</summary>
    public long Generation { get; set; }

    public long? WindowStartMs { get; set; }

    public long? WindowEndMs { get; set; }

    public long UpdatedMs { get; set; }
}
