namespace NetworkSync.Domain.FollowUps;

/// <summary>Why a follow-up closed or went away; stored and shown as these strings.</summary>
public static class FollowUpResolution
{
    /// <summary>The user wrote to the meeting's attendees after it ended.</summary>
    public const string Mailed = "mailed";

    /// <summary>The user and the contact were in touch again after the reconnect suggestion.</summary>
    public const string Contacted = "contacted";

    /// <summary>The meeting a briefing was for has started.</summary>
    public const string MeetingStarted = "meeting-started";

    /// <summary>The user completed the task in Microsoft To Do.</summary>
    public const string TodoCompleted = "todo-completed";

    /// <summary>The user deleted the task in Microsoft To Do.</summary>
    public const string TodoDeleted = "todo-deleted";

    /// <summary>The user acted in NetworkSync (add-in, dashboard or API).</summary>
    public const string User = "user";

    /// <summary>The meeting was cancelled, declined, deleted or no longer qualifies.</summary>
    public const string NoLongerApplies = "no-longer-applies";
}
