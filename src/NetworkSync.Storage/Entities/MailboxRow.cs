namespace NetworkSync.Storage.Entities;

/// <summary>A mailbox being synced, and how its last sync went.</summary>
public sealed class MailboxRow
{
    /// <summary>The Graph user id.</summary>
    public required string Id { get; set; }

    public required string Mail { get; set; }

    public string? UserPrincipalName { get; set; }

    public string? DisplayName { get; set; }

    /// <summary>The owner's other SMTP addresses, ';'-separated, lower case.</summary>
    public string Aliases { get; set; } = string.Empty;

    /// <summary>A <see cref="Domain.Sync.SyncOutcome"/> as <see cref="Domain.Sync.SyncOutcomeNames.ToWire"/> spells it: "never", "running", "succeeded", "failed" or "cancelled".</summary>
    public string LastSyncStatus { get; set; } = "never";

    /// <summary>Why the last sync failed; never contains tokens or message content.</summary>
    public string? LastSyncError { get; set; }

    public long? LastSyncStartedMs { get; set; }

    public long? LastSyncCompletedMs { get; set; }

    /// <summary>The <see cref="Domain.Sync.SyncFailureKind"/> of the failures in a row (its wire name); null after a success.</summary>
    public string? LastFailureKind { get; set; }

    /// <summary>Failed syncs since the last success; the schedule's pause grows with it (<see cref="Domain.Sync.SyncFailurePolicy"/>).</summary>
    public int ConsecutiveFailures { get; set; }

    /// <summary>The earliest the schedule tries again after a failure; null when it may at once, or, after a permanent kind, not by itself at all.</summary>
    public long? NextAttemptMs { get; set; }
}
