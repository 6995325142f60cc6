namespace NetworkSync.Domain.FollowUps;

/// <summary>
/// One follow-up as NetworkSync keeps it. <see cref="Key"/> names what it is about (one meeting
/// instance, or one dormant spell of one relationship), so the same cause can never yield two.
/// </summary>
public sealed record FollowUpRecord
{
    public required string Id { get; init; }

    public required string Key { get; init; }

    public required FollowUpKind Kind { get; init; }

    /// <summary>The Graph event id for the meeting-driven kinds, else null.</summary>
    public string? EventId { get; init; }

    /// <summary>Lower-case addresses of the people it is about.</summary>
    public IReadOnlyList<string> Contacts { get; init; } = [];

    public required string Title { get; init; }

    public required DateTimeOffset Due { get; init; }

    public DateTimeOffset? Reminder { get; init; }

    public FollowUpStatus Status { get; init; }

    public DateTimeOffset? SnoozedUntil { get; init; }

    /// <summary>Why it closed (see <see cref="FollowUpResolution"/>); null while open.</summary>
    public string? Resolution { get; init; }

    public required DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public MeetingReference? Meeting { get; init; }

    public IReadOnlyList<BriefingEntry> Briefing { get; init; } = [];

    /// <summary>What a reader sees at <paramref name="asOf"/>: a snooze that has run out is open again.</summary>
    public FollowUpStatus StatusAt(DateTimeOffset asOf) =>
        Status == FollowUpStatus.Snoozed && SnoozedUntil is { } until && until <= asOf ? FollowUpStatus.Open : Status;

    /// <summary>Open or snoozed: still something for the user to do.</summary>
    public bool IsActive => Status is FollowUpStatus.Open or FollowUpStatus.Snoozed;
}
