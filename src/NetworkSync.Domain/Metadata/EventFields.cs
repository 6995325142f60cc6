namespace NetworkSync.Domain.Metadata;

/// <summary>
/// Which of an event's properties a Graph item actually carried (see <see cref="MessageFields"/>): a delta
/// round may send an updated event as its id and the changed properties only, so absent means unchanged.
/// </summary>
[Flags]
public enum EventFields
{
    None = 0,

    /// <summary>start and end (an event moves as a whole).</summary>
    Times = 1,
    SeriesMasterId = 1 << 1,
    Type = 1 << 2,
    IsAllDay = 1 << 3,
    IsCancelled = 1 << 4,
    IsOrganizer = 1 << 5,
    Response = 1 << 6,
    Organizer = 1 << 7,
    Attendees = 1 << 8,
    Subject = 1 << 9,
    TimeZone = 1 << 10,
    All = (1 << 11) - 1,
}
