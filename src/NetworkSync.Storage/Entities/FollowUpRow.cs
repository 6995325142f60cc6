namespace NetworkSync.Storage.Entities;

/// <summary>
/// A follow-up and its Microsoft To Do link. (MailboxId, Key) is unique: one row per cause, for ever,
/// which is what makes the rules idempotent. Times are UTC milliseconds.
/// </summary>
public sealed class FollowUpRow
{
    public required string MailboxId { get; set; }

    public required string Id { get; set; }

    public required string Key { get; set; }

    public required string Kind { get; set; }

    public string? EventId { get; set; }

    /// <summary>JSON array of lower-case addresses.</summary>
    public string Contacts { get; set; } = "[]";

    public required string Title { get; set; }

    public long DueMs { get; set; }

    public long? ReminderMs { get; set; }

    public string Status { get; set; } = "open";

    public long? SnoozedUntilMs { get; set; }

    public string? Resolution { get; set; }

    public long CreatedMs { get; set; }

    public long UpdatedMs { get; set; }

    public long? CompletedMs { get; set; }

    public string? MeetingSubject { get; set; }

    public long? MeetingStartMs { get; set; }

    public long? MeetingEndMs { get; set; }

    /// <summary>JSON array of briefing entries (before-meeting only).</summary>
    public string Briefing { get; set; } = "[]";

    /// <summary>Goes up with every change a To Do task should mirror.</summary>
    public long Version { get; set; } = 1;

    /// <summary>The To Do task mirroring this follow-up, once known.</summary>
    public string? TodoTaskId { get; set; }

    /// <summary>The <see cref="Version"/> the To Do task was last brought up to.</summary>
    public long TodoPushedVersion { get; set; }

    /// <summary>
    /// A create request was sent whose outcome is unknown (the answer was lost): the task may exist, so
    /// the next To Do pass looks for it (by its external id) before ever creating another.
    /// </summary>
    public bool TodoCreatePending { get; set; }
}
