namespace NetworkSync.Domain.Metadata;

/// <summary>
/// One calendar instance as calendarView returns it (occurrences already expanded); times in UTC.
/// </summary>
public sealed record EventMetadata
{
    public required string Id { get; init; }

    public string? SeriesMasterId { get; init; }

    /// <summary>Graph's event type: singleInstance, occurrence, exception or seriesMaster.</summary>
    public string Type { get; init; } = "singleInstance";

    public required DateTimeOffset Start { get; init; }

    public required DateTimeOffset End { get; init; }

    public bool IsAllDay { get; init; }

    public bool IsCancelled { get; init; }

    public bool IsOrganizer { get; init; }

    /// <summary>The mailbox owner's own response to the meeting.</summary>
    public AttendeeResponse Response { get; init; }

    public Participant? Organizer { get; init; }

    public IReadOnlyList<Attendee> Attendees { get; init; } = [];

    public string? Subject { get; init; }

    /// <summary>The zone the organiser scheduled in, kept for working-day arithmetic.</summary>
    public string? TimeZone { get; init; }

    /// <summary>
    /// The properties this record was read from; the rest are unknown (a partial update), not empty. A record
    /// without <see cref="EventFields.Times"/> can only update an event already stored.
    /// </summary>
    public EventFields Present { get; init; } = EventFields.All;
}
