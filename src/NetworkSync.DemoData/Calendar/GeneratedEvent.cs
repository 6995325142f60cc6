using NetworkSync.DemoData.Mail;
using NetworkSync.DemoData.Time;

namespace NetworkSync.DemoData.Calendar;

/// <summary>One calendar instance as <c>calendarView</c> returns it (series are already expanded).</summary>
internal sealed class GeneratedEvent
{
    public required string Id { get; init; }

    public required string ICalUId { get; init; }

    public required string Subject { get; set; }

    public required DateTimeOffset Start { get; init; }

    public required DateTimeOffset End { get; init; }

    /// <summary>The zone <c>start</c>/<c>end</c> are expressed in (their <c>dateTime</c> is wall-clock time there).</summary>
    public ZoneRule Zone { get; init; } = ZoneRule.Utc;

    public bool IsAllDay { get; init; }

    public bool IsCancelled { get; set; }

    /// <summary><c>singleInstance</c>, <c>occurrence</c> or <c>exception</c>.</summary>
    public string Type { get; init; } = "singleInstance";

    public string? SeriesMasterId { get; init; }

    public required MailAddress Organizer { get; init; }

    public required bool IsOrganizer { get; init; }

    /// <summary>The owner's own response (<c>organizer</c> when they organised it).</summary>
    public required string OwnerResponse { get; init; }

    public DateTimeOffset? OwnerResponseTime { get; init; }

    public required IReadOnlyList<EventAttendee> Attendees { get; init; }

    public EventLocation? Location { get; init; }

    public bool IsOnlineMeeting { get; init; }

    /// <summary>Free/busy: <c>busy</c>, <c>tentative</c>, <c>free</c>, <c>oof</c>.</summary>
    public string ShowAs { get; init; } = "busy";

    public required DateTimeOffset Created { get; init; }

    /// <summary>Keeps the town hall, series and other showcase events when an exact event count is enforced.</summary>
    public bool IsShowcase { get; init; }
}
