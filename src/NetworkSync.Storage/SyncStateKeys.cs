namespace NetworkSync.Storage;

/// <summary>
/// The keys of the rows in SyncStates (<see cref="Entities.SyncStateRow.Collection"/>): the Graph delta
/// cursors of a mailbox's collections, and the bookkeeping of the passes that are not delta syncs
/// (when they last ran, which To Do list is the mailbox's). Stored as is: renaming one loses the state.
/// </summary>
public static class SyncStateKeys
{
    /// <summary>The prefix of a mail folder's delta cursor, followed by the folder's well-known name.</summary>
    public const string MessagesPrefix = "messages:";

    /// <summary>The calendar's delta cursor.</summary>
    public const string Events = "events";

    /// <summary>The mailbox's To Do list (its id in ResourceId).</summary>
    public const string Todo = "todo";

    /// <summary>When the follow-up pass last ran.</summary>
    public const string FollowUps = "followups";

    /// <summary>When the Outlook mailbox settings (working hours, time zone) were last read.</summary>
    public const string MailboxSettings = "mailbox-settings";

    /// <summary>When the tenant's directory was last listed; stored under this key as both mailbox id and collection.</summary>
    public const string Directory = "directory";

    /// <summary>The delta cursor key of the mail folder <paramref name="folder"/> (e.g. "inbox").</summary>
    public static string Messages(string folder) => MessagesPrefix + folder;

    /// <summary>True for a mail folder's delta cursor key.</summary>
    public static bool IsMessages(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        return key.StartsWith(MessagesPrefix, StringComparison.Ordinal);
    }
}
