namespace NetworkSync.Storage.Entities;

/// <summary>
/// Which instance syncs a mailbox now: the owner holds it until <see cref="ExpiresMs"/> and renews it while
/// it syncs, so an instance killed mid-sync loses it at expiry and another may take over.
/// </summary>
public sealed class MailboxLeaseRow
{
    public required string MailboxId { get; set; }

    /// <summary>The holding instance's id (<see cref="Coordination.InstanceIdentity"/>); null when released.</summary>
    public string? Owner { get; set; }

    public long ExpiresMs { get; set; }
}
