namespace NetworkSync.Storage.Entities;

/// <summary>
/// A Graph change-notification subscription this service made for one mailbox collection. Only a hash of
/// its clientState secret is kept: enough to check an incoming notification, useless to forge one.
/// </summary>
public sealed class SubscriptionRow
{
    /// <summary>Graph's subscription id.</summary>
    public required string Id { get; set; }

    public required string MailboxId { get; set; }

    /// <summary>"messages" or "events": which of the mailbox's collections it watches.</summary>
    public required string Collection { get; set; }

    /// <summary>SHA-256 of the clientState, lower-case hex.</summary>
    public required string ClientStateHash { get; set; }

    public long ExpiresMs { get; set; }

    public long CreatedMs { get; set; }
}
