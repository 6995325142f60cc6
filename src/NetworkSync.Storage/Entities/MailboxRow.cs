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

    /// <summary>"never", "running", "succeeded" or "failed".</summary>
    public string LastSyncStatus { get; set; } = "never";

    /// <summary>Why the last sync failed; never contains tokens or message content.</summary>
    public string? LastSyncError { get; set; }

    public long? LastSyncStartedMs { get; set; }

    public long? LastSyncCompletedMs { get; set; }
}
