namespace NetworkSync.Storage.Entities;

/// <summary>
/// A user's correction to the model, kept apart from synced data so that re-syncs never undo it:
/// "person" (not automated after all), "muted" (not a relationship), or "apart" (this address and
/// <see cref="OtherAddress"/> are two people).
/// </summary>
public sealed class ContactOverrideRow
{
    public required string MailboxId { get; set; }

    public required string Address { get; set; }

    public required string Kind { get; set; }

    /// <summary>For "apart": the other address; otherwise empty.</summary>
    public string OtherAddress { get; set; } = string.Empty;

    public long CreatedMs { get; set; }
}
