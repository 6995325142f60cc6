using NetworkSync.DemoData.Cast;
using NetworkSync.DemoData.Mail;
using NetworkSync.DemoData.Time;

namespace NetworkSync.DemoData.Calendar;

/// <summary>A recurring meeting before expansion into occurrences.</summary>
internal sealed record SeriesPlan
{
    public required string Subject { get; init; }

    /// <summary>Null when the owner organises.</summary>
    public PlantedContact? Organizer { get; init; }

    public required IReadOnlyList<PlantedContact> Invitees { get; init; }

    /// <summary>Meeting rooms booked as <c>resource</c> attendees.</summary>
    public IReadOnlyList<MailAddress> Rooms { get; init; } = [];

    /// <summary>The zone whose wall clock the series is anchored to (a 10:00 London meeting stays at 10:00 across DST).</summary>
    public required ZoneRule SchedulingZone { get; init; }

    /// <summary>The zone its start and end are rendered in.</summary>
    public required ZoneRule DisplayZone { get; init; }

    public required DayOfWeek Day { get; init; }

    public required TimeOnly LocalStart { get; init; }

    public required TimeSpan Duration { get; init; }

    /// <summary>Monthly series recur on the first <see cref="Day"/> of the month; the others weekly.</summary>
    public bool Monthly { get; init; }

    public bool IsOnline { get; init; } = true;
}
