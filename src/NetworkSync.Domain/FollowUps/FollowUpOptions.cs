namespace NetworkSync.Domain.FollowUps;

/// <summary>The follow-up rules' knobs (configuration section "FollowUps").</summary>
public sealed record FollowUpOptions
{
    /// <summary>Meetings with more attendees (people and lists, the user included; rooms not) get no after-meeting follow-up.</summary>
    public int MaxAttendees { get; init; } = 10;

    /// <summary>Whether occurrences and exceptions of recurring series get after-meeting follow-ups.</summary>
    public bool IncludeRecurring { get; init; }

    /// <summary>
    /// Only meetings that ended this recently get a new after-meeting follow-up, so a first sync of two
    /// years of calendar does not bury the user in stale ones.
    /// </summary>
    public TimeSpan AfterMeetingLookBack { get; init; } = TimeSpan.FromDays(7);

    /// <summary>Meetings starting within this horizon get before-meeting briefings.</summary>
    public TimeSpan BriefingHorizon { get; init; } = TimeSpan.FromHours(48);

    /// <summary>A person not in touch for this long (or never) is worth a briefing.</summary>
    public TimeSpan BriefingSilence { get; init; } = TimeSpan.FromDays(90);

    /// <summary>How long before a meeting a briefing's reminder fires.</summary>
    public TimeSpan BriefingReminderLead { get; init; } = TimeSpan.FromHours(1);

    /// <summary>At most this many reconnect suggestions are made in any 7 days.</summary>
    public int ReconnectsPerWeek { get; init; } = 5;
}
