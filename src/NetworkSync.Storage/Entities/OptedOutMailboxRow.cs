namespace NetworkSync.Storage.Entities;

/// <summary>
/// A user who deleted all their data: the directory listing must not bring their mailbox back. Only a
/// hash of the Graph user id is kept, which matches the listing but names nobody by itself.
/// </summary>
public sealed class OptedOutMailboxRow
{
    /// <summary>SHA-256 of the Graph user id, lower-case hex.</summary>
    public required string UserIdHash { get; set; }

    public long OptedOutMs { get; set; }
}
