namespace NetworkSync.Domain.FollowUps;

/// <summary>
/// What one rule says a follow-up should look like now. <see cref="SettledAt"/> is set when the rule
/// already sees it as settled (the user mailed the attendees, the meeting started, they were in touch).
/// </summary>
public sealed record FollowUpCandidate
{
    public required string Key { get; init; }

    public required FollowUpKind Kind { get; init; }

    public string? EventId { get; init; }

    public required IReadOnlyList<string> Contacts { get; init; }

    public required string Title { get; init; }

    public required DateTimeOffset Due { get; init; }

    public DateTimeOffset? Reminder { get; init; }

    public MeetingReference? Meeting { get; init; }

    public IReadOnlyList<BriefingEntry> Briefing { get; init; } = [];

    public DateTimeOffset? SettledAt { get; init; }

    /// <summary>Why it is settled (a <see cref="FollowUpResolution"/> value).</summary>
    public string? SettledBecause { get; init; }
}
