namespace NetworkSync.Sync.Todo;

/// <summary>
/// What a follow-up's To Do task says. <see cref="ExternalId"/> (the follow-up id, on the task's linked
/// resource) is how a task whose create answer was lost is recognised later, instead of made twice.
/// </summary>
public sealed record TodoTaskContent
{
    public required string Title { get; init; }

    public required DateTimeOffset Due { get; init; }

    public DateTimeOffset? Reminder { get; init; }

    /// <summary>The zone due and reminder are expressed in (Windows or IANA id, or "UTC").</summary>
    public string TimeZone { get; init; } = "UTC";

    public bool Completed { get; init; }

    public required string ExternalId { get; init; }

    /// <summary>Where the linked resource points (the meeting in Outlook on the web); null for none.</summary>
    public string? WebUrl { get; init; }

    public string? LinkDisplayName { get; init; }
}
